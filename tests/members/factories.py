from __future__ import annotations

import random

import factory

from alliance.fake_ids import credit_code
from members.models import Organization, OrganizationKind, User


class OrganizationFactory(factory.django.DjangoModelFactory):
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


class UserFactory(factory.django.DjangoModelFactory):
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
