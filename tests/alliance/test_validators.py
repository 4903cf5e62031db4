from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.fake_ids import credit_code, mobile, national_id
from alliance.masking import mask_national_id, mask_phone
from alliance.uploads import DOCX, IMAGE, PDF, validate_upload
from alliance.validators import validate_credit_code, validate_mobile, validate_national_id


def test_generated_identifiers_pass_their_validators():
    rng = random.Random(7)
    for _ in range(50):
        validate_credit_code(credit_code(rng))
        validate_national_id(national_id(rng, dt.date(2006, 3, 14)))
        validate_mobile(mobile(rng))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("370724200603143212", "校验位不正确"),
        ("37072420060314321", "应为18位"),
        ("370724200613143215", "出生日期有效"),
        ("990000200603143218", "应为18位"),
    ],
)
def test_bad_national_ids_are_refused_in_chinese(value, message):
    with pytest.raises(ValidationError) as exc:
        validate_national_id(value)
    assert message in exc.value.messages[0]


def test_linqu_codes_did_not_exist_before_1983():
    # 370724 (临朐县) dates from 1983: an older birth date with that code is not a real number.
    with pytest.raises(ValidationError):
        validate_national_id(national_id(random.Random(1), dt.date(1975, 1, 1)))


def test_credit_code_check_character_is_verified():
    good = credit_code(random.Random(3))
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    validate_credit_code(good)
    with pytest.raises(ValidationError) as exc:
        validate_credit_code(bad)
    assert "校验位" in exc.value.messages[0]


def test_mobile_numbers():
    validate_mobile("13812345678")
    with pytest.raises(ValidationError):
        validate_mobile("12812345678")


def test_masking_keeps_only_the_agreed_digits():
    assert mask_national_id("370724200603143212") == "370724********3212"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_national_id("") == "" and mask_phone(None) == ""


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kinds"), [(b"%PDF-1.7 ...", (PDF,)), (_png(), (IMAGE,)), (_docx(), (PDF, DOCX))]
)
def test_uploads_of_an_accepted_type_pass(content, kinds):
    validate_upload(SimpleUploadedFile("x.bin", content), kinds)


def test_upload_is_judged_by_content_not_name():
    fake_pdf = SimpleUploadedFile("minutes.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError) as exc:
        validate_upload(fake_pdf, (PDF, DOCX))
    assert "不接受" in exc.value.messages[0]


def test_oversized_upload_is_refused_with_the_limit():
    with pytest.raises(ValidationError) as exc:
        validate_upload(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 2048), (PDF,), max_bytes=1024)
    assert "1.0" in exc.value.messages[0]
