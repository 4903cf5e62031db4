"""The one form base of the portal: Bootstrap styling, Chinese placeholders, date inputs, a
searchable select wherever a choice list is long, and the user's own organisation preselected.

Every form (register forms, filter forms, the apps' own action forms) is styled by
:func:`style_form`, so no app repeats the widget loop.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.access import acting_organization

#: a select with more options than this gets a search box (Tom Select, served locally)
SEARCHABLE_AFTER = 15


def _choice_count(field: forms.Field) -> int:
    if isinstance(field, forms.ModelChoiceField):
        # A count query only when it matters: the widget would list every row anyway.
        return field.queryset.count() if field.queryset is not None else 0
    # A model field's choices may be a lazy iterator (Django adds the blank choice) with no len().
    return len(list(getattr(field, "choices", ())))


def style_field(name: str, field: forms.Field, *, count_choices: bool = True) -> None:
    widget = field.widget
    attrs = widget.attrs
    if isinstance(widget, forms.HiddenInput):
        return
    if isinstance(widget, forms.CheckboxInput):
        attrs.setdefault("class", "form-check-input")
        return
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        attrs.setdefault("class", "form-check-input")
        return
    if isinstance(field, forms.DateField) and type(widget) is forms.DateInput:
        field.widget = widget = forms.DateInput(attrs=attrs, format="%Y-%m-%d")
        widget.input_type = "date"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        attrs.setdefault("class", "form-select")
        # Only Django's dashes: a filter's "All" (RegisterFilterSet) stays as it is.
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == "---------":
                field.empty_label = _("Please choose")
        elif isinstance(field, forms.ChoiceField):
            # A model field's choices start with Django's dashes (BLANK_CHOICE_DASH).
            choices = list(field.choices)
            if choices and choices[0] == ("", "---------"):
                field.choices = [("", _("Please choose")), *choices[1:]]
        if (
            isinstance(widget, forms.SelectMultiple)
            or (isinstance(field, forms.ModelChoiceField) and not count_choices)
            or _choice_count(field) > SEARCHABLE_AFTER
        ):
            attrs["data-searchable"] = "true"
            attrs.setdefault("data-placeholder", str(_("Type to search")))
        return
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        attrs.setdefault("class", "form-control")
        return
    attrs.setdefault("class", "form-control")
    if isinstance(widget, forms.Textarea):
        attrs.setdefault("rows", 3)
    if field.help_text and "placeholder" not in attrs and not isinstance(widget, forms.DateInput):
        attrs["placeholder"] = str(field.help_text)


def style_form(
    form: forms.BaseForm, *, small: bool = False, count_choices: bool = True
) -> forms.BaseForm:
    """``count_choices=False``: every list of rows (organisations, teachers) is searchable,
    without a count query to decide it."""
    for name, field in form.fields.items():
        style_field(name, field, count_choices=count_choices)
        if small:
            classes = field.widget.attrs.get("class", "")
            if "form-control" in classes or "form-select" in classes:
                field.widget.attrs["class"] = classes.replace(
                    "form-control", "form-control form-control-sm"
                ).replace("form-select", "form-select form-select-sm")
    return form


def preselect_only_choice(form: forms.BaseForm, name: str) -> None:
    """When a user may choose only one organisation (HR, a school), choose it for them."""
    field = form.fields.get(name)
    if not isinstance(field, forms.ModelChoiceField) or form.is_bound:
        return
    if form.initial.get(name) or getattr(form.instance, f"{name}_id", None):
        return
    choices = list(field.queryset[:2])
    if len(choices) == 1:
        form.initial[name] = choices[0].pk
        field.empty_label = None


class PortalForm(forms.Form):
    """A plain form with the portal's styling."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class RegisterForm(forms.ModelForm):
    """A register's create/edit form.

    It takes the acting ``user``. ``owner_field`` names the organisation a record belongs to:
    for an HR or school account it is fixed to their own organisation (shown, not editable), so
    a record can never be filed for someone else. Any other organisation choice the user has only
    one option for is preselected. ``limit_choices`` narrows related choices to what the user may
    use.
    """

    owner_field: str | None = None
    #: organisation fields that are preselected when the user may choose only one
    own_organization_fields: tuple[str, ...] = ("enterprise", "school", "organization")

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self._fix_owner(user)
        self.limit_choices(user)
        for name in self.own_organization_fields:
            preselect_only_choice(self, name)
        style_form(self)

    def _fix_owner(self, user) -> None:
        org = acting_organization(user)
        field = self.fields.get(self.owner_field) if self.owner_field else None
        if org is None or field is None:
            return
        field.queryset = field.queryset.filter(pk=org.pk)
        field.initial = org.pk
        field.disabled = True
        field.empty_label = None
        if not self.instance.pk:
            setattr(self.instance, self.owner_field, org)

    def limit_choices(self, user) -> None:
        """Narrow choice fields to what ``user`` may choose (override in a register's form)."""
