"""``verkosto show <id>``: one organisation with its memberships, twinnings, partnerships."""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.models import Organisation
from verkosto.registry.selectors.organisations import organisation_detail


class Command(BaseCommand):
    help = "Show an organisation with its memberships, twinnings and partnerships."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("id", type=int)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts) -> None:
        try:
            data = organisation_detail(actor=SYSTEM, organisation_id=opts["id"])
        except Organisation.DoesNotExist:
            raise CommandError(f"no organisation with id {opts['id']}") from None
        if opts["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        out = self.stdout.write
        out(f"{data['names']['fi'] or data['names']['en']} ({data['kind']}, {data['country']})")
        for scheme, value in data["identifiers"].items():
            out(f"  {scheme}: {value}")
        out(f"Memberships ({len(data['memberships'])}):")
        for m in data["memberships"]:
            now = "current" if m["current"] else "past"
            out(f"  {m['member']} → {m['organisation']} [{m['role']}, {now}]")
        out(f"Twinnings ({len(data['twinnings'])}):")
        for t in data["twinnings"]:
            out(f"  ↔ {t['with']} ({t['country']}) [{t['kind']}, {t['status']}]")
        out(f"Partnerships ({len(data['partnerships'])}):")
        for p in data["partnerships"]:
            out(f"  {p['name']}: " + ", ".join(x["name"] for x in p["parties"]))
