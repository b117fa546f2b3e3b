"""A page in docs/ is a template from a pull request: it runs in Jinja's sandbox.

mkdocs-macros renders every hand-written page as Jinja2; without a sandbox a page could
run commands on the machine that builds a pull request, read files, or reach the theme's
unsandboxed environment through MkDocs' configuration. Every kind of escape is tried on
the environment the build gives pages, and one real build shows that a page trying it
publishes nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader, TemplateNotFound, UndefinedError
from jinja2.exceptions import SecurityError

from conftest import build
from macros.site import sandbox

ESCAPES = {
    "globals of a Jinja global": "{{ lipsum.__globals__.os.popen('touch PWNED').read() }}",
    "globals of a class's init": "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "the template's own reference": "{{ self.__init__.__globals__ }}",
    "a string's class hierarchy": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "a dict's class": "{{ ({}).__class__ }}",
    "a macro's globals": "{{ region_list.__globals__ }}",
    "the theme's unsandboxed environment": "{{ config.theme.get_env().from_string('{{ 7*7 }}').render() }}",
    "the plugins": "{{ config.plugins }}",
    "a method of a setting": "{{ config.extra.items() }}",
    "a format string": "{{ '{0.__class__}'.format(config) }}",
    "the format filter": "{{ '%s' | format(lipsum.__globals__) }}",
    "attribute by filter": "{{ lipsum | attr('__globals__') }}",
    "the last commit": "{{ git.message }}",
    "the page object": "{{ page.file.abs_src_path }}",
    "the environment variables": "{{ environment }}",
    "a file outside docs": "{% include '/etc/passwd' %}",
    "a file above docs": "{% include '../mkdocs.yml' %}",
    "a huge text": "{{ 'x' * 1000000000 }}",
    "a huge list": "{{ [1] * 10**9 }}",
    "a huge range": "{{ range(10**9) | list | length }}",
    "a huge power": "{{ 2 ** 100000 }}",
    "numbers squared in a loop": ("{% set ns = namespace(x=10**18) %}{% for i in range(60) %}"
                                  "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}"),
}
CONFIG = {"site_name": "Öppna planer", "site_url": "https://x.example/", "site_description": "d",
          "extra": {"utgivare": {"namn": "Region X"}}, "theme": object(), "plugins": {}}


@pytest.fixture
def env(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "del.md").write_text("delad text", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("hemligt", encoding="utf-8")

    def region_list() -> str:
        return "regioner"

    return sandbox.environment(FileSystemLoader(str(docs)), {"region_list": region_list})


@pytest.mark.parametrize("name", ESCAPES)
def test_a_page_cannot_leave_the_sandbox(env, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises((SecurityError, UndefinedError, TemplateNotFound, OverflowError)):
        env.from_string(ESCAPES[name]).render(**sandbox.variables(CONFIG))
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("template, shown", [
    ("{{ config.site_name }}", "Öppna planer"),
    ("{{ config.extra.utgivare.namn }} / {{ extra.utgivare.namn }}", "Region X / Region X"),
    ("{{ region_list() }}", "regioner"),
    ("{% include 'del.md' %}", "delad text"),
    ("{% for i in range(3) %}{{ i }}{% endfor %} {{ 'ab' * 2 }} {{ 9 ** 2 }}", "012 abab 81"),
    ("{% if config.site_url %}ja{% endif %}", "ja"),
])
def test_what_pages_use_still_works(env, template, shown):
    assert env.from_string(template).render(**sandbox.variables(CONFIG)) == shown


def test_a_page_that_tries_publishes_nothing(project, tmp_path):
    marker = tmp_path / "PWNED"
    page = project / "docs" / "om" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") +
                    f"\n{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n",
                    encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "om/index.md: sidan använder något som sidor inte får använda i mallar" in output
    assert "Traceback" not in output
    assert not marker.exists()
    assert not (site / "om" / "index.html").exists()
