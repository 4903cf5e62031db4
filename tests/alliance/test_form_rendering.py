"""The portal's form renderer writes selects in Python: the same markup as Django's templates."""

from __future__ import annotations

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer

from alliance.registers.rendering import PortalFormRenderer


class _Form(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            ("", "全部"),
            ("a&b", 'A "<b>" 企业'),
            ("学校", [("1", "职业学校"), ("2", "技工学校")]),
        ]
    )
    partners = forms.MultipleChoiceField(
        choices=[("1", "甲"), ("2", "乙")],
        widget=forms.SelectMultiple(
            attrs={"class": "form-select", "data-searchable": True, "data-off": False}
        ),
    )
    answer = forms.NullBooleanField()
    name = forms.CharField()


class _OwnOptionTemplate(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


def _both(data, field: str) -> tuple[str, str]:
    django_html = str(_Form(data, renderer=DjangoTemplates())[field])
    portal_html = str(_Form(data, renderer=PortalFormRenderer())[field])
    return django_html, portal_html


def _squeezed(html: str) -> str:
    # Django's option template leaves a blank line after each option; the browser ignores it.
    return re.sub(r"\n\s*\n", "\n", html)


def test_selects_are_written_as_django_writes_them():
    for data in ({"kind": "2", "partners": ["1", "2"], "answer": "true"}, {"kind": "a&b"}, None):
        for field in ("kind", "partners", "answer", "name"):
            django_html, portal_html = _both(data, field)
            assert portal_html == _squeezed(django_html), (field, data)


def test_values_and_labels_are_escaped_and_the_choice_is_marked():
    _django_html, html = _both({"kind": "a&b"}, "kind")
    assert '<option value="a&amp;b" selected>A &quot;&lt;b&gt;&quot; 企业</option>' in html
    assert '<optgroup label="学校">' in html
    _django_html, html = _both({"partners": ["2"]}, "partners")
    assert " data-searchable " in html  # True: the bare name
    assert "data-off" not in html


def test_a_select_with_its_own_option_template_is_left_to_the_templates():
    widget = _OwnOptionTemplate(choices=[("1", "甲")])
    html = widget.render("kind", "1", renderer=PortalFormRenderer())
    assert html == widget.render("kind", "1", renderer=DjangoTemplates())
    assert 'type="' in html  # input_option.html's markup, not an <option>


def test_the_portal_uses_it():
    assert isinstance(get_default_renderer(), PortalFormRenderer)
