"""The publishing pipelines a region copies: .github/workflows/ and .gitlab-ci.yml.

Both must be valid for their platform (checked offline against the schemas that
check-jsonschema ships), must validate, test and build every pull/merge request,
must deploy only after the tests passed, and must run exactly the commands README.md
documents, so that CI checks what a data editor runs on their own machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github/workflows/publish.yml"
GITHUB_CLEANUP = ROOT / ".github/workflows/preview-cleanup.yml"
GITLAB = ROOT / ".gitlab-ci.yml"

VALIDATE = ".venv/bin/python -m macros validate"
BUILD = ".venv/bin/mkdocs build"
TEST = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
SETUP = "python3 -m venv .venv && .venv/bin/pip install -q -e ."

# Anything that runs the project's own tools must be a command from README.md.
PROJECT = re.compile(r"\.venv|python|pip |mkdocs|pytest|macros")
CHROMIUM = re.compile(r"^apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
                      r"apt-get install -y -qq chromium$")
# The one exception: the job summary that tells the reviewer how to open the preview.
SUMMARY = re.compile(r'^cat >> "\$GITHUB_STEP_SUMMARY" <<EOF\n')


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def readme_commands() -> set[str]:
    """Commands README.md gives: every line of its shell code blocks, and its inline code."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set()
    for block in re.findall(r"^```(?:sh|bash|shell)\n(.*?)^```", text, re.M | re.S):
        commands.update(line.strip() for line in block.splitlines() if line.strip())
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    commands.update(re.findall(r"`([^`\n]+)`", prose))
    return commands


def in_readme(command: str, readme: set[str]) -> bool:
    """Verbatim a README command, or its first steps up to an `&&` (setup without `serve`)."""
    return any(c == command or c.startswith(command + " && ") for c in readme)


def assert_commands_documented(commands: list[str]):
    readme = readme_commands()
    for command in commands:
        if PROJECT.search(command) and not SUMMARY.search(command):
            assert in_readme(command, readme), f"not a command from README.md: {command!r}"
        if "apt-get" in command:
            assert CHROMIUM.search(command), f"installs more than chromium: {command!r}"


def check_schema(builtin: str, path: Path):
    # Proxies that lead nowhere: the check must not need the network.
    env = dict(os.environ, HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9",
               http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             builtin, str(path)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_commands_are_found():
    readme = readme_commands()
    for command in (VALIDATE, BUILD, TEST, SETUP):
        assert in_readme(command, readme), command


def test_the_build_is_strict():
    """The pipelines run README's plain `mkdocs build`; mkdocs.yml makes it strict."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^strict: true\b", text, re.M)


# --- GitHub -----------------------------------------------------------------------

def github() -> dict:
    return load(GITHUB)


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def runs(job: dict) -> list[str]:
    return [step["run"].strip() for step in steps(job) if "run" in step]


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in steps(job) if "uses" in step]


@pytest.mark.parametrize("path", [GITHUB, GITHUB_CLEANUP], ids=lambda p: p.name)
def test_github_workflow_is_valid(path):
    check_schema("vendor.github-workflows", path)


def test_github_runs_on_pull_requests_and_main():
    workflow = github()
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_github_pull_request_validates_tests_and_builds():
    jobs = github()["jobs"]
    pr_jobs = {name: job for name, job in jobs.items()
               if "push" not in job.get("if", "")}
    commands = [command for job in pr_jobs.values() for command in runs(job)]
    for command in (VALIDATE, TEST, BUILD):
        assert command in commands, f"a pull request does not run {command!r}"


def test_github_tests_run_with_debian_chromium():
    """Ubuntu's chromium is a snap stub: the tests run in Debian, after installing chromium."""
    for job in github()["jobs"].values():
        commands = runs(job)
        if TEST in commands:
            assert "bookworm" in str(job.get("container", "")), "tests need a Debian container"
            installs = [i for i, c in enumerate(commands) if CHROMIUM.search(c)]
            assert installs and installs[0] < commands.index(TEST)
            break
    else:
        pytest.fail("no job runs the tests")


def test_github_pull_request_preview_is_the_built_site():
    build = next(job for job in github()["jobs"].values() if BUILD in runs(job))
    preview = [step for step in steps(build)
               if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert preview and preview[0]["if"] == "github.event_name == 'pull_request'"
    assert preview[0]["with"]["path"].rstrip("/") == "site"
    summary = [step for step in steps(build) if "GITHUB_STEP_SUMMARY" in step.get("run", "")]
    assert summary and "steps.preview.outputs.artifact-url" in str(summary[0]["env"])


def test_github_web_preview_is_opt_in_and_never_for_forks():
    """The optional web preview goes to a second repository, only when configured."""
    preview = github()["jobs"]["preview"]
    assert "vars.PREVIEW_REPOSITORY != ''" in preview["if"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in preview["if"]
    checkout = next(s for s in steps(preview) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["repository"] == "${{ vars.PREVIEW_REPOSITORY }}"
    assert checkout["with"]["token"] == "${{ secrets.PREVIEW_TOKEN }}"
    assert not any(u.startswith(("actions/deploy-pages@", "actions/upload-pages-artifact@"))
                   for u in uses(preview))
    assert "pr-$PR" in runs(preview)[0]
    cleanup = load(GITHUB_CLEANUP)
    on = cleanup.get("on", cleanup.get(True))
    assert on == {"pull_request": {"types": ["closed"]}}
    assert cleanup["permissions"] == {}
    assert "vars.PREVIEW_REPOSITORY != ''" in cleanup["jobs"]["remove"]["if"]
    assert 'git rm -rq "pr-$PR"' in runs(cleanup["jobs"]["remove"])[0]


def test_github_deploys_main_only_after_everything_passed():
    workflow = github()
    jobs = workflow["jobs"]
    deploying = [name for name, job in jobs.items()
                 if any(u.startswith("actions/deploy-pages@") for u in uses(job))]
    assert deploying == ["deploy"]
    deploy = jobs["deploy"]
    assert "github.event_name == 'push'" in deploy["if"]
    assert "refs/heads/main" in deploy["if"]
    needs = set(deploy["needs"])
    for command in (VALIDATE, TEST, BUILD):
        assert any(command in runs(jobs[n]) for n in needs), f"deploy does not wait for {command!r}"
    # The Pages artifact comes from a job the deploy waits for, on main only.
    uploads = [(name, step) for name, job in jobs.items() for step in steps(job)
               if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(uploads) == 1 and uploads[0][0] in needs
    assert "refs/heads/main" in uploads[0][1]["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_github_permissions_are_minimal():
    workflow = github()
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        if name == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert "permissions" not in job, f"{name} needs no more than read access"


def test_github_actions_are_pinned_to_major_versions():
    for job in [*github()["jobs"].values(), *load(GITHUB_CLEANUP)["jobs"].values()]:
        for action in uses(job):
            assert re.fullmatch(r"actions/[\w-]+@v\d+", action), action


def test_github_runs_only_readme_commands():
    for workflow in (github(), load(GITHUB_CLEANUP)):
        assert_commands_documented([c for job in workflow["jobs"].values() for c in runs(job)])


# --- GitLab -----------------------------------------------------------------------

GITLAB_KEYWORDS = {"workflow", "default", "stages", "variables", "include", "image",
                   "services", "cache", "before_script", "after_script"}


def gitlab_jobs() -> dict[str, dict]:
    return {name: job for name, job in load(GITLAB).items()
            if name not in GITLAB_KEYWORDS and not name.startswith(".")}


def script(job: dict) -> list[str]:
    return [line.strip() for line in job.get("script", [])]


def rule_conditions(job: dict) -> list[str]:
    return [rule.get("if", "") for rule in job.get("rules", [])]


def runs_on_merge_requests(job: dict) -> bool:
    conditions = rule_conditions(job)
    return not conditions or any("merge_request_event" in c for c in conditions)


def test_gitlab_ci_is_valid():
    check_schema("vendor.gitlab-ci", GITLAB)


def test_gitlab_runs_on_merge_requests_and_the_default_branch():
    conditions = [rule["if"] for rule in load(GITLAB)["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in conditions
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in conditions


def test_gitlab_merge_request_validates_tests_and_builds():
    commands = [c for job in gitlab_jobs().values() if runs_on_merge_requests(job)
                for c in script(job)]
    for command in (VALIDATE, TEST, BUILD):
        assert command in commands, f"a merge request does not run {command!r}"


def test_gitlab_tests_run_with_debian_chromium():
    assert "bookworm" in load(GITLAB)["default"]["image"]
    test = next(job for job in gitlab_jobs().values() if TEST in script(job))
    assert "image" not in test
    commands = script(test)
    installs = [i for i, c in enumerate(commands) if CHROMIUM.search(c)]
    assert installs and installs[0] < commands.index(TEST)


def test_gitlab_merge_request_preview():
    jobs = gitlab_jobs()
    build = next(job for job in jobs.values() if BUILD in script(job))
    assert build["artifacts"]["paths"] == ["public/"]
    assert build["artifacts"]["expose_as"]
    preview = jobs["pages-preview"]
    assert preview["pages"]["path_prefix"] == "mr-$CI_MERGE_REQUEST_IID"
    assert preview["environment"]["url"] == "$CI_PAGES_URL"
    # Opt-in: without parallel deployments GitLab ignores path_prefix and the preview
    # would replace the published site.
    assert rule_conditions(preview) == [
        '$CI_PIPELINE_SOURCE == "merge_request_event" && $PAGES_PARALLEL_DEPLOYMENTS == "true"']


def test_gitlab_deploys_the_default_branch_only_after_everything_passed():
    jobs = gitlab_jobs()
    pages = jobs["pages"]
    assert rule_conditions(pages) == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert pages["artifacts"]["paths"] == ["public/"]
    for name in ("pages", "pages-preview"):
        needs = jobs[name]["needs"]
        for command in (VALIDATE, TEST, BUILD):
            assert any(command in script(jobs[n]) for n in needs), \
                f"{name} does not wait for {command!r}"
    # Only these two jobs publish anything.
    publishing = {name for name, job in jobs.items() if name == "pages" or "pages" in job}
    assert publishing == {"pages", "pages-preview"}


def test_gitlab_runs_only_readme_commands():
    assert_commands_documented([c for job in gitlab_jobs().values() for c in script(job)])
