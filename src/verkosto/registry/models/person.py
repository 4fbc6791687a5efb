from django.db import models
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import Period, Sourced, Visibility, period_valid


class Person(Sourced, Visibility):
    """A person, with as little personal data as the work needs: a name and a work address."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("work e-mail"), blank=True)
    phone = models.CharField(_("work phone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonRole(Sourced, Period):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="person_roles",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("role of a person")
        verbose_name_plural = _("roles of people")
        constraints = [period_valid("personrole")]

    def __str__(self) -> str:
        return f"{self.person}, {self.title}, {self.organisation}"
