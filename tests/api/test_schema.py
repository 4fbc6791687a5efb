"""The OpenAPI document validates without warnings; the docs page works offline under the
site's Content Security Policy."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import Client

from tests.api.conftest import World, api_client


def test_openapi_document_validates_without_warnings(tmp_path):
    target = tmp_path / "openapi.json"
    # The same as `verkosto spectacular --validate --fail-on-warn` (CI lints with it).
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--format",
        "openapi-json",
        "--file",
        str(target),
        stderr=StringIO(),
    )
    assert '"/api/v1/memberships/"' in target.read_text()


def test_openapi_json_is_served_to_signed_in_users(world: World):
    response = api_client(world.users["viewer"]).get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"
    problem = document["paths"]["/api/v1/memberships/"]["post"]["responses"]["400"]
    assert "application/problem+json" in problem["content"]


def test_docs_page_runs_only_scripts_from_the_site(world: World):
    client = Client()
    client.force_login(world.users["viewer"])
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    directives = dict(d.strip().split(" ", 1) for d in page["Content-Security-Policy"].split(";"))
    assert directives["script-src"].startswith("'self'")
    assert "unsafe-inline" not in directives["script-src"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="' in attrs and not body.strip() for attrs, body in scripts)
    for src in re.findall(r'src="([^"]+)"', html):
        assert not src.startswith(("http:", "https:", "//")), src  # nothing from a CDN
        asset = client.get(src.replace("&amp;", "&"))
        assert asset.status_code == 200, src
        if "script" in src:
            assert "SwaggerUIBundle" in asset.content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
    assert client.get(stylesheet).status_code == 200


def test_docs_need_a_signed_in_user(db):
    assert Client().get("/api/v1/docs").status_code in (401, 403)
