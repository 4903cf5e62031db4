"""The register framework, through a register declared on it (training bases)."""

from __future__ import annotations

import io

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.core.files import File
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image

from alliance.registers.files import serve_file
from alliance.registers.views import confirm
from tests.members.factories import EnterpriseFactory
from tests.training.factories import TrainingBaseFactory
from training.forms import TrainingBaseForm
from training.models import TrainingBase
from training.registers import BASES

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


# --- the one file view -------------------------------------------------------------------------


def _served(data: bytes, name: str):
    return serve_file(File(io.BytesIO(data), name=name))


def test_html_disguised_as_png_is_a_download_that_can_run_nothing():
    payload = b"\x89PNG\r\n\x1a\n<html><script>document.title='owned'</script></html>"
    response = _served(payload, "photo.html")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_html_disguised_as_pdf_is_never_html():
    response = _served(b"%PDF-1.4\n<script>alert(1)</script>", "agreement.html")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_real_image_is_shown_inline_whatever_its_name():
    response = _served(_png(), "minutes.html")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_download_name_keeps_chinese_characters():
    response = _served(b"%PDF-1.4\n", "会议纪要.pdf")
    assert (
        "filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81.pdf"
        in (response["Content-Disposition"])
    )


# --- list: filters, search, sorting, pagination ------------------------------------------------------


def test_every_choice_filter_offers_all(rf, secretariat_user):
    request = rf.get("/")
    request.user = secretariat_user
    filterset = BASES.filterset_class()({}, queryset=TrainingBase.objects.all(), request=request)
    status = filterset.form.fields["status"]
    enterprise = filterset.form.fields["enterprise"]
    assert next(iter(status.choices)) == ("", "全部")
    assert '<option value="" selected>全部</option>' in str(filterset.form["status"])
    assert enterprise.empty_label == "全部"


def test_search_sorting_and_pagination_keep_the_filters(client_for, secretariat_user):
    enterprise = EnterpriseFactory(name="山东华建铝业集团有限公司")
    for n in range(30):
        TrainingBaseFactory(enterprise=enterprise, name=f"铝型材基地{n:02d}")
    TrainingBaseFactory(name="焊接实训基地")
    client = client_for(secretariat_user)
    url = reverse("training:base_list")

    found = client.get(url, {"q": "焊接"})
    assert [row.record.name for row in found.context["table"].page.object_list] == ["焊接实训基地"]

    page = client.get(url, {"q": "铝型材", "sort": "-name"})
    names = [row.record.name for row in page.context["table"].page.object_list]
    assert names[0] == "铝型材基地29" and len(names) == 25
    html = page.content.decode()
    # The next page and the column headers carry the search and the sort.
    assert "q=%E9%93%9D%E5%9E%8B%E6%9D%90" in html and "page=2" in html
    second = client.get(url, {"q": "铝型材", "sort": "-name", "page": 2})
    assert next(row.record.name for row in second.context["table"].page.object_list) == (
        "铝型材基地04"
    )


def test_htmx_filter_refreshes_the_rows_only(client_for, secretariat_user):
    TrainingBaseFactory(name="焊接实训基地")
    response = client_for(secretariat_user).get(
        reverse("training:base_list"), {"q": "焊接"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "焊接实训基地" in html and '<nav class="navbar' not in html


# --- forms --------------------------------------------------------------------------------------------


def test_hr_files_records_for_its_own_enterprise_only(hr_user, other_enterprise):
    form = TrainingBaseForm(user=hr_user)
    field = form.fields["enterprise"]
    assert field.disabled and list(field.queryset) == [hr_user.organization]
    assert form.initial.get("enterprise") == hr_user.organization.pk or field.initial == (
        hr_user.organization.pk
    )


def test_form_is_styled_with_date_inputs_and_chinese_placeholders(secretariat_user):
    form = TrainingBaseForm(user=secretariat_user)
    assert form.fields["established_on"].widget.input_type == "date"
    assert "form-select" in form.fields["status"].widget.attrs["class"]
    assert form.fields["enterprise"].empty_label == "请选择"


def test_save_says_so(client_for, hr_user):
    client = client_for(hr_user)
    response = client.post(
        reverse("training:base_create"),
        {
            "name": "铝型材挤压实训基地",
            "capacity": 40,
            "masters_count": 2,
            "established_on": "2025-03-01",
            "status": "active",
        },
        follow=True,
    )
    base = TrainingBase.objects.get(name="铝型材挤压实训基地")
    assert base.enterprise == hr_user.organization
    assert "已保存" in response.content.decode()


# --- confirmation step and safe redirects -------------------------------------------------------------


def _request(method: str, user, data=None):
    request = getattr(RequestFactory(), method)("/withdraw/", data or {})
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_confirmation_asks_first_and_acts_only_on_post(secretariat_user):
    done = []

    def perform():
        done.append(True)
        return "已退出"

    kwargs = {
        "question": "确认退出？",
        "perform": perform,
        "cancel_url": "/x/",
        "done_url": "/done/",
    }
    asked = confirm(_request("get", secretariat_user), **kwargs)
    assert asked.status_code == 200 and "确认退出？" in asked.content.decode() and not done
    acted = confirm(_request("post", secretariat_user), **kwargs)
    assert acted.status_code == 302 and acted["Location"] == "/done/" and done == [True]


def test_a_refused_action_changes_nothing_and_says_why(secretariat_user):
    def perform():
        raise ValidationError("已有未结束的记录。")

    response = confirm(
        _request("post", secretariat_user),
        question="确认删除？",
        perform=perform,
        cancel_url="/x/",
        done_url="/done/",
    )
    assert response.status_code == 400 and "已有未结束的记录。" in response.content.decode()


# --- long choice lists searched on the server ---------------------------------------------------------


def test_a_long_enterprise_filter_renders_only_the_chosen_option(
    client_for, secretariat_user, django_assert_max_num_queries
):
    enterprises = EnterpriseFactory.create_batch(70)
    chosen = enterprises[3]
    client = client_for(secretariat_user)
    response = client.get(reverse("training:base_list"), {"enterprise": chosen.pk})
    html = response.content.decode()
    options_url = reverse("training:base_options", args=["filter", "enterprise"])
    assert f'data-options-url="{options_url}"' in html
    # 70 enterprises, but the select holds "all" and the chosen one only.
    select = html[
        html.index('name="enterprise"') : html.index("</select>", html.index('name="enterprise"'))
    ]
    assert select.count("<option") == 2 and chosen.name in select


def test_the_options_endpoint_searches_what_the_filter_accepts(client_for, council_user):
    EnterpriseFactory(name="山东华建铝业集团有限公司")
    EnterpriseFactory(name="山东雷奥新能源有限公司")
    url = reverse("training:base_options", args=["filter", "enterprise"])
    answer = client_for(council_user).get(url, {"q": "华建"}).json()
    assert [r["text"] for r in answer["results"]] == ["山东华建铝业集团有限公司"]


def test_form_options_only_for_those_who_may_fill_the_form(client_for, council_user, hr_user):
    url = reverse("training:base_options", args=["form", "enterprise"])
    assert client_for(council_user).get(url).status_code == 404
    # HR's enterprise is fixed on the form: nothing to search.
    assert client_for(hr_user).get(url).status_code == 404
