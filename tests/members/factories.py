from __future__ import annotations

import datetime as dt
import io
import random

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.fake_ids import credit_code
from members.models import Organization, OrganizationKind, User
from tests.factory_base import RecordFactory


class OrganizationFactory(RecordFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("name",)

    kind = OrganizationKind.ENTERPRISE
    name = factory.Sequence(lambda n: f"测试企业{n:03d}有限公司")
    credit_code = factory.LazyFunction(lambda: credit_code(random.Random()))
    industry = "机械制造"
    is_local = True


class EnterpriseFactory(OrganizationFactory):
    kind = OrganizationKind.ENTERPRISE


class SchoolFactory(OrganizationFactory):
    kind = OrganizationKind.SCHOOL
    name = factory.Sequence(lambda n: f"测试职业学校{n:03d}")
    credit_code = None
    industry = "职业教育"


class UserFactory(RecordFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "测试用户"
    role = "council"
    password = factory.PostGenerationMethodCall("set_password", "Alliance@2025")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SchoolYearFiguresFactory(RecordFactory):
    class Meta:
        model = "members.SchoolYearFigures"

    school = factory.SubFactory(SchoolFactory)
    year = 2025
    enrolled_students = 4800
    professional_teachers = 260
    graduates = 1500


class CouncilSeatFactory(RecordFactory):
    class Meta:
        model = "members.CouncilSeat"

    person = factory.Sequence(lambda n: f"理事{n:02d}")
    organization = factory.SubFactory(EnterpriseFactory)
    role = "director"
    position = "董事长"
    term_start = dt.date(2023, 12, 8)
    term_end = dt.date(2099, 12, 7)


class ExpertMemberFactory(RecordFactory):
    class Meta:
        model = "members.ExpertMember"

    person = factory.Sequence(lambda n: f"专家{n:02d}")
    organization = factory.SubFactory(EnterpriseFactory)
    title = "董事长"
    role = "member"


class CouncilMeetingFactory(RecordFactory):
    class Meta:
        model = "members.CouncilMeeting"

    date = dt.date(2025, 6, 26)
    kind = "regular"
    status = "held"
    title = factory.Sequence(lambda n: f"理事会会议{n}")


class ResolutionFactory(RecordFactory):
    class Meta:
        model = "members.Resolution"

    meeting = factory.SubFactory(CouncilMeetingFactory)
    text = factory.Sequence(lambda n: f"决议{n}")
    owner = factory.SubFactory(EnterpriseFactory)
    due_on = dt.date(2025, 12, 31)
    status = "open"


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "steelblue").save(buffer, format="PNG")
    return buffer.getvalue()


class OrganizationPhotoFactory(RecordFactory):
    class Meta:
        model = "members.OrganizationPhoto"

    organization = factory.SubFactory(EnterpriseFactory)
    image = factory.LazyFunction(lambda: SimpleUploadedFile("photo.png", png_bytes(), "image/png"))
    caption = "厂区"


class MajorFactory(RecordFactory):
    class Meta:
        model = "members.Major"
        django_get_or_create = ("school", "name")

    school = factory.SubFactory(SchoolFactory)
    code = ""
    name = "数控技术应用"
    industry = "机械装备制造"


# --- governance registers ----------------------------------------------------------------------


class GovernmentFactory(OrganizationFactory):
    """A government department named as a task owner: outside the alliance, never a member."""

    kind = OrganizationKind.GOVERNMENT
    name = factory.Sequence(lambda n: f"测试县政府部门{n:03d}")
    credit_code = None
    industry = "政府部门"
    outside_alliance = True


class PolicyDocumentFactory(RecordFactory):
    class Meta:
        model = "members.PolicyDocument"

    kind = "charter"
    title = factory.Sequence(lambda n: f"联盟章程{n}")
    issuer = "测试联盟理事会"
    effective_on = dt.date(2024, 7, 1)
    version = "1.0"
    status = "in_force"


class AllianceOfficeFactory(RecordFactory):
    class Meta:
        model = "members.AllianceOffice"

    name = factory.Sequence(lambda n: f"联盟办公室{n}")
    venue = "县企业发展促进会三楼"
    established_on = dt.date(2023, 12, 8)


class OfficeBudgetFactory(RecordFactory):
    class Meta:
        model = "members.OfficeBudget"

    office = factory.SubFactory(AllianceOfficeFactory)
    year = 2025
    amount = 200000
    source = factory.Sequence(lambda n: f"经费来源{n}")


class OfficeStaffFactory(RecordFactory):
    class Meta:
        model = "members.OfficeStaff"

    office = factory.SubFactory(AllianceOfficeFactory)
    person = factory.Sequence(lambda n: f"工作人员{n:02d}")
    organization = factory.SubFactory(GovernmentFactory)
    role = "综合协调"
    start_on = dt.date(2024, 1, 1)


class ExpertConsultationFactory(RecordFactory):
    class Meta:
        model = "members.ExpertConsultation"
        skip_postgeneration_save = True

    date = dt.date(2025, 5, 10)
    question = factory.Sequence(lambda n: f"咨询事项{n}")
    asked_by = "联盟办公室"
    advice = "书面意见"
    outcome = "pending"

    @factory.post_generation
    def experts(obj, create, extracted, **kwargs):
        if create:
            obj.experts.set(extracted or [ExpertMemberFactory()])


class WorkPlanFactory(RecordFactory):
    class Meta:
        model = "members.WorkPlan"
        django_get_or_create = ("year",)

    year = 2025
    title = factory.LazyAttribute(lambda o: f"{o.year}年工作计划")


class WorkTaskFactory(RecordFactory):
    class Meta:
        model = "members.WorkTask"

    plan = factory.SubFactory(WorkPlanFactory)
    title = factory.Sequence(lambda n: f"工作任务{n}")
    owner = factory.SubFactory(GovernmentFactory)
    deadline = dt.date(2025, 12, 31)
    status = "not_started"


class MediaReportFactory(RecordFactory):
    class Meta:
        model = "members.MediaReport"

    kind = "press"
    outlet = "潍坊日报"
    published_on = dt.date(2025, 5, 20)
    title = factory.Sequence(lambda n: f"联盟报道{n}")
    link = factory.Sequence(lambda n: f"https://news.example.com/linqu/{n}.html")


class ModelCaseFactory(RecordFactory):
    class Meta:
        model = "members.ModelCase"

    kind = "case"
    year = 2025
    title = factory.Sequence(lambda n: f"典型案例{n}")
    organization = factory.SubFactory(EnterpriseFactory)
    summary = "校企共建实训基地，年培训学生三百人次。"
    nominated_on = dt.date(2025, 3, 1)
    status = "nominated"
