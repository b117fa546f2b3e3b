"""Swedish hints for YAML syntax errors, placed where the mistake was typed.

PyYAML reports in English and often a line after the mistake; these turn its
errors into what a communications officer can act on.
"""

from __future__ import annotations

import re

import yaml

from .characters import named


class Refused(yaml.MarkedYAMLError):
    """An anchor, alias, tag or directive: valid YAML, but in plan data always a typing mistake."""


_QUOTE_IT = 'sätt texten inom "…"'
_INDENT = "indraget stämmer inte med raderna ovanför"
_REFUSED = {
    "alias": f"en asterisk (*) i början av en text; {_QUOTE_IT}",
    "anchor": f"ett et-tecken (&) i början av en text; {_QUOTE_IT}",
    "tag": f"ett utropstecken (!) i början av en text; {_QUOTE_IT}",
    "directive": "en rad som börjar med procenttecken (%) läses som ett YAML-direktiv; ta bort "
                 f"raden, eller {_QUOTE_IT} om den hör till en text",
    "depth": "uppgifterna är inlagda i varandra i fler än 40 nivåer; kontrollera indragen "
             "och hakparenteserna [ ] och klamrarna { } här",
}


def syntax_hint(exc: yaml.MarkedYAMLError, text: str):
    """(mark, Swedish hint) for PyYAML's English error: where the mistake is typed and what to do.

    PyYAML often notices a mistake a line or more after it was made (an unclosed
    quote runs on to the next quote), so the mark is moved back where we can tell.
    """
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, Refused):
        return mark, _REFUSED[problem]
    hidden = _hidden_space(text, [m for m in (exc.context_mark, mark) if m is not None])
    if hidden is not None:
        return hidden
    opened = _unclosed_quote(text, mark)
    if opened is not None or problem == "found unexpected end of stream":
        return opened or exc.context_mark or mark, (
            "ett citattecken som inte avslutas; avsluta texten med samma citattecken som den "
            "börjar med")
    lines = text.split("\n")
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    before = line[: mark.column] if mark else ""
    char = text[mark.index] if mark and mark.index < len(text) else ""
    if problem.startswith("found character '\\t'"):
        return mark, "ett tabbtecken; använd mellanslag för indrag"
    if problem.startswith("found character") or problem.startswith("mapping keys are not allowed"):
        return mark, f"tecknet '{char}' kan inte stå först i en text utan citattecken; {_QUOTE_IT}"
    if problem.startswith("mapping values are not allowed here"):
        if ": " not in before.strip().removeprefix("- "):
            # The colon is the line's own key's: the line is indented more than the one
            # above, so YAML reads it as the continuation of the text above.
            return mark, ("raden är mer indragen än raden ovanför; nycklar på samma nivå ska stå "
                          "exakt under varandra")
        return mark, f"ett kolon följt av mellanslag i en text som inte står inom citattecken; {_QUOTE_IT}"
    if problem.startswith("sequence entries are not allowed"):
        if before.strip():
            return mark, ('ett bindestreck (-) i början av ett värde läses som en lista; sätt texten '
                          'inom "…", till exempel "-"')
        return mark, _INDENT
    if (exc.context or "").startswith(("while scanning an alias", "while scanning an anchor",
                                       "while scanning a tag")):
        start = exc.context_mark or mark
        return start, _REFUSED[{"*": "alias", "&": "anchor"}.get(text[start.index], "tag")]
    if problem.startswith("found undefined tag handle"):  # '!e!x', a tag of a kind never declared
        return mark, _REFUSED["tag"]
    if problem.startswith("found unknown escape character"):
        return mark, ('ett bakåtsnedstreck (\\) i en text inom "…"; skriv det dubbelt (\\\\) '
                      "eller sätt texten inom '…'")
    if "another document" in problem or "single document" in problem:
        return mark, "en rad med bara '---' delar filen i två; ta bort raden"
    if problem.startswith("expected ',' or ']'") or problem.startswith("expected ',' or '}'"):
        closing = problem[len("expected ',' or '")]
        return exc.context_mark or mark, (
            f"en lista eller grupp som börjar här avslutas inte med '{closing}' "
            "(eller saknar kommatecken mellan värdena)")
    if problem.startswith("could not find expected ':'"):
        return exc.context_mark or mark, ("raden saknar kolon efter nyckeln, eller fortsätter texten "
                                          "ovanför och ska då vara lika indragen som den")
    if problem.startswith("expected <block end>") or "did not find expected" in problem:
        if char == ":":
            return mark, "ett kolon utan någon nyckel framför; skriv nyckeln före kolonet"
        if before.rstrip().endswith(('"', "'", "]", "}")) and before.split(":", 1)[-1].strip():
            return mark, ("text efter ett avslutande citattecken eller hakparentes på samma rad; "
                          "sätt hela texten inom citattecken (använd '…' om texten själv innehåller \")")
        return mark, _INDENT
    if problem.startswith("expected the node content"):
        return mark, f"tecknet '{char}' kan inte inleda ett värde; {_QUOTE_IT}"
    return mark, "raden kan inte läsas; kontrollera citattecken, kolon och indrag här och på raden ovanför"


# A no-break space pasted from Word or the web where YAML needs a plain space: in the
# indentation, or between a key's colon and its value. (The reader refuses a zero-width
# space before YAML reads the file.)
_HIDDEN_SPACE = re.compile("^[ \t]*(?:- )?([\u00a0\u2007\u202f])"
                           "|^[ \t]*(?:- )?[^\\s:#'\"][^:\n]*:([\u00a0\u2007\u202f])")


def _hidden_space(text: str, marks: list):
    """(mark, hint) for an invisible space on the error's line or the line above, if any."""
    lines = text.split("\n")
    numbers = sorted({n for m in marks for n in (m.line - 1, m.line) if 0 <= n < len(lines)})
    for number in numbers:
        found = _HIDDEN_SPACE.match(lines[number])
        if found:
            group = 1 if found.group(1) else 2
            where = yaml.Mark("", 0, number, found.start(group), None, None)
            return where, (f"ett osynligt tecken ({named(found.group(group))}, ofta inklistrat från Word "
                           "eller webben) där det ska stå ett vanligt mellanslag; skriv om mellanrummet")
    return None


def _unclosed_quote(text: str, mark):
    """Start of a quoted text that runs on over lines and ends where the error is, if any.

    Quoted texts in plan data are one line long; one that spans lines and is
    followed straight away by an error is a quote that was never closed.
    """
    if mark is None:
        return None
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == mark.line):
                found = token.start_mark
    except yaml.YAMLError:
        pass
    return found
