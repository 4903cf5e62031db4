from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliance.validators import validate_credit_code


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    ENTERPRISE_HR = "enterprise_hr", _("Enterprise HR")
    SCHOOL_COORDINATOR = "school_coordinator", _("School coordinator")
    COUNCIL = "council", _("Council member")


class OrganizationKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")
    ASSOCIATION = "association", _("Association")
    GOVERNMENT = "government", _("Government body")
    RESEARCH = "research", _("Research institute")


class OrganizationStatus(models.TextChoices):
    ACTIVE = "active", _("Active member")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class OrganizationQuerySet(models.QuerySet):
    def enterprises(self) -> OrganizationQuerySet:
        return self.filter(kind=OrganizationKind.ENTERPRISE)

    def schools(self) -> OrganizationQuerySet:
        return self.filter(kind=OrganizationKind.SCHOOL)

    def active(self) -> OrganizationQuerySet:
        return self.filter(status=OrganizationStatus.ACTIVE)


class Organization(models.Model):
    """Every member body of the alliance: enterprises, schools, associations, government, research."""

    kind = models.CharField(_("kind"), max_length=16, choices=OrganizationKind.choices)
    name = models.CharField(_("name"), max_length=100, unique=True)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        null=True,
        unique=True,
        validators=[validate_credit_code],
        help_text=_("18 characters, GB 32100; leave empty if unknown."),
    )
    industry = models.CharField(_("industry"), max_length=50, blank=True)
    is_local = models.BooleanField(
        _("inside the county"), default=True, help_text=_("Registered and operating inside the county.")
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OrganizationStatus.choices, default=OrganizationStatus.ACTIVE
    )

    history = HistoricalRecords()
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # An empty code is "unknown", stored as NULL so that uniqueness applies only to real codes.
        if not self.credit_code:
            self.credit_code = None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("The withdrawal date cannot be before the joining date.")})

    @property
    def is_enterprise(self) -> bool:
        return self.kind == OrganizationKind.ENTERPRISE

    @property
    def is_school(self) -> bool:
        return self.kind == OrganizationKind.SCHOOL


# Which organisation kind an account of each role acts for.
ROLE_ORGANIZATION_KIND = {
    Role.ENTERPRISE_HR: OrganizationKind.ENTERPRISE,
    Role.SCHOOL_COORDINATOR: OrganizationKind.SCHOOL,
}


class User(AbstractUser):
    """A portal account. Enterprise HR and school coordinators act for one organisation."""

    role = models.CharField(_("role"), max_length=24, choices=Role.choices, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
    )
    phone = models.CharField(_("mobile phone"), max_length=11, blank=True)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def clean(self) -> None:
        super().clean()
        kind = ROLE_ORGANIZATION_KIND.get(self.role)
        if kind is None:
            return
        if self.organization_id is None:
            raise ValidationError({"organization": _("This role must act for an organisation.")})
        if self.organization.kind != kind:
            raise ValidationError(
                {"organization": _("This role must act for an organisation of kind “%(kind)s”.") % {"kind": kind.label}}
            )

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
