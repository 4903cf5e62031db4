from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.registers import style_form

from .indicators import Comparison
from .models import ReportNarrative

FIRST_YEAR = 2023


def _last_year() -> int:
    return timezone.localdate().year


class RunForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > _last_year():
            raise forms.ValidationError(
                _("A report can only be built for a year that has started.")
            )
        return year


class TargetForm(forms.Form):
    value = forms.DecimalField(
        label=_("Target value"), required=False, min_value=0, max_digits=8, decimal_places=2
    )
    comparison = forms.ChoiceField(label=_("Comparison"), choices=Comparison.choices)
    source = forms.CharField(label=_("Source"), max_length=200)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("comparison") == Comparison.AT_LEAST and cleaned.get("value") is None:
            self.add_error("value", _("A target “at least” needs a value."))
        return cleaned


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = ReportNarrative
        fields = ["practices", "cases", "problems"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
