"""Bad data stops the build with a clear Swedish message and publishes nothing.

Each case is a small, realistic mistake in a copy of the real data: a typo, a
forgotten quote, a value pasted from Word, a deleted line, a renamed id. The
expected messages are written out whole (file, line, column, problem, place,
what was found, what was expected, the suggestion), so that a vaguer message,
a wrong line or an extra error caused by the first one fails the test.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import build
from macros import model as m
from macros.loading import load_corpus

HSN = "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
RS = "data/planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml"
VB_HSN = "data/planer/vasterbotten/hsn-namndplan-2025.yml"
MINUTES = "data/protokoll/vasternorrland/hsu-2023-12-07.yml"
REGION = "data/regioner/vasternorrland.yml"

# Places in the plans, as the messages name them ("plats: …").
HSN_PLAN = "plan hsn-verksamhetsplan-2024-2026"
FOLKHALSA = (f'{HSN_PLAN} → kapitel "Målområden" → målområde "Målområde 1: Ett attraktivt '
             'Västernorrland med …" → mål "Mål: Vi främjar förutsättningarna för god och j…"')
KARIES = f'{FOLKHALSA} → indikatortabell → indikator "Andel kariesfria 6-åringar"'
TILLGANGLIG = (f'{HSN_PLAN} → kapitel "Målområden" → målområde "Målområde 2: Region '
               'Västernorrland utvecklar ar…" → mål "Mål: Vi erbjuder vård som utgår från individens…"')
KONTINUITET = (f'{TILLGANGLIG} → indikatortabell → indikator "Kontinuitetsindex för patienter '
               'med kronisk sju…"')
ARBETSPLATSER = (f'{HSN_PLAN} → kapitel "Målområden" → målområde "Målområde 3: Vi skapar mervärde '
                 'för befolkninge…" → mål "Mål: Vi erbjuder attraktiva arbetsplatser för m…"')
RAMAR = f'{HSN_PLAN} → kapitel "Ekonomi" → kapitel "Ekonomiska ramar"'
RS_RAMAR = ('plan rs-verksamhetsplan-2025-2027 → kapitel "Ekonomi" → kapitel "Ekonomiska ramar" '
            '→ tabell "Resursramar, miljoner kr"')
VB_UPPDRAG = ('plan hsn-namndplan-2025 → kapitel "Uppdrag" → kapitel "Uppdrag från fullmäktige till '
              'nämnd" → uppdragstabell → uppdrag "Identifiera och initiera ett fokusarbete för at…"')
VB_SJALVSERVICE = ('plan hsn-namndplan-2025 → kapitel "Regionmål och uppföljning" → kapitel '
                   '"Regionfullmäktiges mål" → mål "Mål 4. Tillgänglig vård med god kvalitet och ko…" '
                   '→ delmålstabell → delmål "Förbättrad tillgänglighet och delaktighet genom…" '
                   '→ indikator "Användandet av självservice"')
VB_RS = "data/planer/vasterbotten/rs-namndplan-2023.yml"
VB_HME_CHEFER = ('plan rs-namndplan-2023 → kapitel "Regionmål och uppföljning" → målområde "God och jämlik '
                 'hälso- och sjukvård" → mål "Mål 7. Vi är en attraktiv arbetsgivare med pers…" → delmålstabell '
                 '→ delmål "Chefer har starkare förutsättningar att leda" → indikator "Hållbart '
                 'medarbetarengagemang för chefer ska öka"')
PLAN_KEYS = ("beslut, beslutad_av, beslutsdatum, diarienummer, fotnoter, id, kapitel, målstruktur, "
             "om_indikatorerna, organ, original, period, region, status, titel, typ, uppgifter_från_protokoll, "
             "ändrad")
BODIES = "hsf, hsn, hsu, rf, rlf, rs, rs-finansutskott, run"
ID_RULE = ("små bokstäver a–z, siffror och bindestreck, till exempel 'kariesfria-6-aringar' "
           "(å, ä, ö skrivs a, a, o)")


def edit(project: Path, relative: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a data file; return the line number of the first change."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project,
                          capture_output=True, text=True)


def reports(output: str) -> list[str]:
    """The messages of a failed run, one block each, without the heading."""
    blocks = output.strip().split("\n\n")
    return [b.strip("\n") for b in blocks[1:]]


def assert_fails_with(result: subprocess.CompletedProcess, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    count = len(expected)
    assert f"Data i data/ innehåller {count} fel; webbplatsen byggs inte." in result.stderr, output
    assert reports(result.stderr) == list(expected), output


class Mistake(NamedTuple):
    """Replace `old` by `new` in `file`; the whole expected message follows.

    In `report`, {file} is the file, {line} the line the message names (the first
    changed line plus `offset`) and {edit} the first changed line itself.
    """

    file: str
    old: str
    new: str
    report: str
    offset: int = 0


MISTAKES = {
    # --- YAML syntax -------------------------------------------------------------------
    "indented less than the line above": Mistake(
        HSN, "    rubrik: Inledning\n", "   rubrik: Inledning\n",
        "{file}, rad {line}, kolumn 4: YAML-syntaxen är felaktig: indraget stämmer inte med "
        "raderna ovanför"),
    "indented more than the line above": Mistake(
        HSN, "    rubrik: Grunduppdraget\n", "      rubrik: Grunduppdraget\n",
        "{file}, rad {line}, kolumn 13: YAML-syntaxen är felaktig: raden är mer indragen än raden "
        "ovanför; nycklar på samma nivå ska stå exakt under varandra"),
    "a list item indented one space too little": Mistake(
        HSN, "                    - id: sjalvskattad-halsa-ungdom-flickor",
        "                   - id: sjalvskattad-halsa-ungdom-flickor",
        "{file}, rad {line}, kolumn 20: YAML-syntaxen är felaktig: indraget stämmer inte med "
        "raderna ovanför"),
    "a quote that is never closed": Mistake(
        MINUTES, 'titel: "Hälso- och sjukvårdsutskottets sammanträde 7–8 december 2023"',
        'titel: "Hälso- och sjukvårdsutskottets sammanträde 7–8 december 2023',
        "{file}, rad {line}, kolumn 8: YAML-syntaxen är felaktig: ett citattecken som inte "
        "avslutas; avsluta texten med samma citattecken som den börjar med"),
    "a closing quote forgotten before the next row": Mistake(
        HSN, '2026: "Positiv utveckling (ökade värden) över tid"\n                    - id: sjalvskattad',
        '2026: "Positiv utveckling (ökade värden) över tid\n                    - id: sjalvskattad',
        "{file}, rad {line}, kolumn 31: YAML-syntaxen är felaktig: ett citattecken som inte "
        "avslutas; avsluta texten med samma citattecken som den börjar med"),
    "text after a closing quote": Mistake(
        MINUTES, 'titel: "Hälso- och sjukvårdsutskottets sammanträde 7–8 december 2023"',
        'titel: "Hälso- och sjukvårdsutskottets" sammanträde 7–8 december 2023',
        "{file}, rad {line}, kolumn 41: YAML-syntaxen är felaktig: text efter ett avslutande "
        "citattecken eller hakparentes på samma rad; sätt hela texten inom citattecken (använd "
        "'…' om texten själv innehåller \")"),
    "colon and space in unquoted text": Mistake(
        HSN, 'rubrik: "Mål: Vi främjar förutsättningarna för god och jämlik folkhälsa i Västernorrland"',
        "rubrik: Mål: Vi främjar förutsättningarna för god och jämlik folkhälsa i Västernorrland",
        '{file}, rad {line}, kolumn 24: YAML-syntaxen är felaktig: ett kolon följt av mellanslag i '
        'en text som inte står inom citattecken; sätt texten inom "…"'),
    "tab in indentation": Mistake(
        REGION, "  - id: rs\n", "  - id: rs\n\t",
        "{file}, rad {line}, kolumn 1: YAML-syntaxen är felaktig: ett tabbtecken; använd mellanslag "
        "för indrag", offset=1),
    "unquoted per cent sign": Mistake(
        HSN, '                      enhet: "%"\n                      utfall:\n                        2021: 75',
        '                      enhet: %\n                      utfall:\n                        2021: 75',
        "{file}, rad {line}, kolumn 30: YAML-syntaxen är felaktig: tecknet '%' kan inte stå först i "
        'en text utan citattecken; sätt texten inom "…"'),
    "unquoted dash for no target": Mistake(
        HSN, '2026: "-"', "2026: -",
        "{file}, rad {line}, kolumn 31: YAML-syntaxen är felaktig: ett bindestreck (-) i början av "
        'ett värde läses som en lista; sätt texten inom "…", till exempel "-"'),
    "unquoted text starting with *emphasis*": Mistake(
        RS, '"Regionstyrelsens uppsikt syftar till att garantera"',
        "*Regionstyrelsens* uppsikt syftar till att garantera",
        "{file}, rad {line}, kolumn 19: YAML-syntaxen är felaktig: en asterisk (*) i början av en "
        'text; sätt texten inom "…"'),
    "unquoted text starting with &": Mistake(
        MINUTES, "tjänsteställe: Regionledningsförvaltningen", "tjänsteställe: &Regionledningsförvaltningen",
        "{file}, rad {line}, kolumn 16: YAML-syntaxen är felaktig: ett et-tecken (&) i början av en "
        'text; sätt texten inom "…"'),
    "an abbreviation with & before the text": Mistake(
        # YAML would take "&RLF" for an anchor and silently drop it from the text.
        MINUTES, "tjänsteställe: Regionledningsförvaltningen",
        "tjänsteställe: &RLF Regionledningsförvaltningen",
        "{file}, rad {line}, kolumn 16: YAML-syntaxen är felaktig: ett et-tecken (&) i början av en "
        'text; sätt texten inom "…"'),
    "unquoted text starting with !": Mistake(
        MINUTES, "tjänsteställe: Regionledningsförvaltningen", "tjänsteställe: !Regionledningsförvaltningen",
        "{file}, rad {line}, kolumn 16: YAML-syntaxen är felaktig: ett utropstecken (!) i början av "
        'en text; sätt texten inom "…"'),
    "escaped asterisk inside double quotes": Mistake(
        RS, '"Regionstyrelsens uppsikt syftar till att garantera"',
        '"Regionstyrelsens \\*uppsikt\\* syftar till att garantera"',
        "{file}, rad {line}, kolumn 38: YAML-syntaxen är felaktig: ett bakåtsnedstreck (\\) i en "
        "text inom \"…\"; skriv det dubbelt (\\\\) eller sätt texten inom '…'"),
    "a list without its closing bracket": Mistake(
        HSN, "kolumner: [Ram 2023, Ram 2024, Ram 2025, Ram 2026]",
        "kolumner: [Ram 2023, Ram 2024, Ram 2025, Ram 2026",
        "{file}, rad {line}, kolumn 25: YAML-syntaxen är felaktig: en lista eller grupp som börjar "
        "här avslutas inte med ']' (eller saknar kommatecken mellan värdena)"),
    "a pasted document separator": Mistake(
        HSN, "kapitel:\n  - id: inledning", "---\nkapitel:\n  - id: inledning",
        "{file}, rad {line}, kolumn 1: YAML-syntaxen är felaktig: en rad med bara '---' delar filen "
        "i två; ta bort raden"),
    "a no-break space pasted after a colon": Mistake(
        HSN, "    rubrik: Grunduppdraget", "    rubrik:\u00a0Grunduppdraget",
        "{file}, rad {line}, kolumn 12: YAML-syntaxen är felaktig: ett osynligt tecken (U+00A0 NO-BREAK SPACE, "
        "ofta inklistrat från Word eller webben) där det ska stå ett vanligt mellanslag; skriv om "
        "mellanrummet"),
    "no-break spaces pasted as indentation": Mistake(
        HSN, "    rubrik: Inledning\n", "\u00a0\u00a0\u00a0\u00a0rubrik: Inledning\n",
        "{file}, rad {line}, kolumn 1: YAML-syntaxen är felaktig: ett osynligt tecken (U+00A0 NO-BREAK SPACE, "
        "ofta inklistrat från Word eller webben) där det ska stå ett vanligt mellanslag; skriv om "
        "mellanrummet"),
    "a line separator pasted from Word into a text": Mistake(
        HSN, "Verksamhetsplanen följs löpande upp", "Verksamhetsplanen\u2028följs löpande upp",
        "{file}, rad {line}, kolumn 28: texten innehåller en osynlig radbrytning (U+2028 LINE SEPARATOR, "
        "ofta inklistrat från Word, en pdf eller webben)\n"
        "  förväntade: ett mellanslag eller en vanlig radbrytning i stället för tecknet"),
    "a line break pasted into a text, without indentation": Mistake(
        HSN, "delårs- och årsrapport samt genom uppföljning", "delårs- och årsrapport\nsamt genom uppföljning",
        "{file}, rad {line}, kolumn 1: YAML-syntaxen är felaktig: raden saknar kolon efter nyckeln, "
        "eller fortsätter texten ovanför och ska då vara lika indragen som den", offset=1),
    "a key with nothing before the colon": Mistake(
        HSN, "status: föreslagen", ": föreslagen",
        "{file}, rad {line}, kolumn 1: YAML-syntaxen är felaktig: ett kolon utan någon nyckel "
        "framför; skriv nyckeln före kolonet"),
    "duplicate key": Mistake(
        HSN, "titel: Reviderad verksamhetsplan 2024–2026\n",
        "titel: Reviderad verksamhetsplan 2024–2026\ntitel: Verksamhetsplan 2024\n",
        "{file}, rad {line}, kolumn 1: nyckeln 'titel' står två gånger i samma avsnitt (första "
        "gången på rad {edit})\n"
        "  förväntade: varje nyckel en gång; ta bort eller slå ihop den ena", offset=1),

    # --- unknown keys, with a suggestion, at every level --------------------------------
    "misspelt key in the plan": Mistake(
        HSN, 'diarienummer: "23HSN1782"', 'diarienumer: "23HSN1782"',
        "{file}, rad {line}, kolumn 1: okänd nyckel 'diarienumer'\n"
        f"  plats: {HSN_PLAN}\n"
        f"  förväntade: en av: {PLAN_KEYS}\n"
        "  menade du 'diarienummer'?"),
    "misspelt key in a chapter": Mistake(
        HSN, "    rubrik: Grunduppdraget", "    rubirk: Grunduppdraget",
        "{file}, rad {line}, kolumn 5: okänd nyckel 'rubirk'\n"
        f'  plats: {HSN_PLAN} → kapitel "grunduppdraget"\n'
        "  förväntade: en av: id, innehåll, kapitel, mål, målområde, nummer, rubrik\n"
        "  menade du 'rubrik'?"),
    "misspelt block kind": Mistake(
        HSN, "          - tabell:\n", "          - tabel:\n",
        "{file}, rad {line}, kolumn 13: okänd nyckel 'tabel'\n"
        f"  plats: {RAMAR}\n"
        "  förväntade: en av: bilagor, bild, delmål, fotnot, indikatorer, juridiska_personer, "
        "lista, målöversikt, numrerad_lista, risker, rubrik, tabell, text, uppdrag, åtaganden, "
        "åtgärder\n"
        "  menade du 'tabell'?"),
    "misspelt key in an indicator table": Mistake(
        HSN, "                  kolumner:\n                    - {typ: utfall, år: 2021}",
        "                  kolumnr:\n                    - {typ: utfall, år: 2021}",
        "{file}, rad {line}, kolumn 19: okänd nyckel 'kolumnr'\n"
        f"  plats: {FOLKHALSA} → indikatortabell\n"
        "  förväntade: en av: bedömning, kolumner, rader, rubrik, typ\n"
        "  menade du 'kolumner'?"),
    "misspelt key in an indicator row": Mistake(
        HSN, '                      enhet: "%"\n                      utfall:\n                        2021: 75',
        '                      enhte: "%"\n                      utfall:\n                        2021: 75',
        "{file}, rad {line}, kolumn 23: okänd nyckel 'enhte'\n"
        f"  plats: {KARIES}\n"
        "  förväntade: en av: enhet, id, indikator, målnivå, målnivå_som, namn, periodicitet, serier, "
        "utfall\n"
        "  menade du 'enhet'?"),
    "misspelt key in a value": Mistake(
        HSN, '2021: {värde: 0.29, not: "(feb-22)"}', '2021: {värd: 0.29, not: "(feb-22)"}',
        "{file}, rad {line}, kolumn 32: okänd nyckel 'värd' i ett värde\n"
        f"  plats: {KONTINUITET} → utfall 2021\n"
        "  förväntade: värde, not, text, enhet\n"
        "  menade du 'värde'?"),
    "misspelt key in a §": Mistake(
        MINUTES, "    diarienummer: 23HSN1782", "    diarienumer: 23HSN1782",
        "{file}, rad {line}, kolumn 5: okänd nyckel 'diarienumer'\n"
        '  plats: protokoll hsu-2023-12-07 → § "92"\n'
        "  förväntade: en av: anteckningar, avsnitt, beslut, beslutsunderlag, diarienummer, "
        "handläggare, id, nummer, rubrik, yrkanden, ärendeansvarig, överläggningar\n"
        "  menade du 'diarienummer'?"),
    "misspelt key for a person": Mistake(
        MINUTES, "{namn: Pia Lundin, parti: SJVP}", "{namn: Pia Lundin, partii: SJVP}",
        "{file}, rad {line}, kolumn 26: okänd nyckel 'partii'\n"
        '  plats: protokoll hsu-2023-12-07 → närvarande → ledamot "Pia Lundin"\n'
        "  förväntade: en av: namn, not, parti, roll, titel\n"
        "  menade du 'parti'?"),

    "a key with a zero-width space": Mistake(
        HSN, "    rubrik: Grunduppdraget", "    rubrik\u200b: Grunduppdraget",
        # Refused where it stands, before it can make a key that looks like 'rubrik' but is not.
        "{file}, rad {line}, kolumn 11: texten innehåller ett osynligt tecken (U+200B ZERO WIDTH SPACE, "
        "ofta inklistrat från Word, en pdf eller webben)\n"
        "  förväntade: ta bort tecknet (det syns inte, men gör att ord som ser lika ut skiljer sig)"),
    "true as a key": Mistake(
        HSN, "status: föreslagen", "true: föreslagen",
        "{file}, rad {line}, kolumn 1: okänd nyckel 'true'\n"
        f"  plats: {HSN_PLAN}\n"
        f"  förväntade: en av: {PLAN_KEYS}"),
    "a choice misspelt": Mistake(
        HSN, "status: föreslagen", "status: beslutat",
        "{file}, rad {line}, kolumn 1: 'status' har ett okänt värde\n"
        f"  plats: {HSN_PLAN}\n"
        '  hittade: texten "beslutat"\n'
        "  förväntade: ett av: utkast, föreslagen, beslutad\n"
        "  menade du 'beslutad'?"),
    "a body type misspelt in the region": Mistake(
        REGION, "    typ: nämnd\n    kortnamn: HSN", "    typ: nämd\n    kortnamn: HSN",
        "{file}, rad {line}, kolumn 5: 'typ' har ett okänt värde\n"
        '  plats: region vasternorrland → organ "Hälso- och sjukvårdsnämnden"\n'
        '  hittade: texten "nämd"\n'
        "  förväntade: ett av: fullmäktige, styrelse, nämnd, utskott, beredning, förvaltning, revision\n"
        "  menade du 'nämnd'?"),

    # --- missing required keys ----------------------------------------------------------
    "plan without titel": Mistake(
        HSN, "titel: Reviderad verksamhetsplan 2024–2026\n", "",
        "{file}, rad 2, kolumn 1: nyckeln 'titel' saknas\n"
        f"  plats: {HSN_PLAN}\n"
        "  förväntade: 'titel: …' (Planens titel som i dokumentet)"),
    "indicator without namn": Mistake(
        HSN, "                      namn: Andel kariesfria 6-åringar\n", "",
        "{file}, rad {line}, kolumn 23: nyckeln 'namn' saknas\n"
        f'  plats: {FOLKHALSA} → indikatortabell → indikator "kariesfria-6-aringar"\n'
        "  förväntade: 'namn: …' (Indikatorns namn som det står i planen)", offset=-1),
    "§ without nummer": Mistake(
        MINUTES, "    nummer: 91\n", "",
        "{file}, rad {line}, kolumn 5: nyckeln 'nummer' saknas\n"
        '  plats: protokoll hsu-2023-12-07 → § "p91"\n'
        "  förväntade: 'nummer: …' (Paragrafens nummer, till exempel 92)", offset=-1),
    "assignment without status": Mistake(
        VB_HSN, "                  status: Pågående\n", "",
        "{file}, rad {line}, kolumn 19: nyckeln 'status' saknas\n"
        f"  plats: {VB_UPPDRAG}\n"
        "  förväntade: 'status: …' (Uppdragets status som i källan, till exempel Ej påbörjad, "
        "Pågående eller Avslutad)", offset=-1),

    # --- wrong types --------------------------------------------------------------------
    "a list where text is expected": Mistake(
        HSN, "titel: Reviderad verksamhetsplan 2024–2026",
        "titel:\n  - Reviderad verksamhetsplan\n  - 2024–2026",
        "{file}, rad {line}, kolumn 1: 'titel' har fel typ\n"
        f"  plats: {HSN_PLAN}\n"
        "  hittade: en lista (rader som börjar med -)\n"
        "  förväntade: en text"),
    "text where a year is expected": Mistake(
        HSN, "period: {från: 2024, till: 2026}", "period: {från: 2024, till: 2O26}",
        "{file}, rad {line}, kolumn 22: 'till' har fel typ\n"
        f"  plats: {HSN_PLAN} → period\n"
        '  hittade: texten "2O26"\n'
        "  förväntade: ett årtal, till exempel 2024"),
    "a date where a year is expected": Mistake(
        HSN, "period: {från: 2024, till: 2026}", "period: {från: 2024-01-01, till: 2026}",
        "{file}, rad {line}, kolumn 10: 'från' har fel typ\n"
        f"  plats: {HSN_PLAN} → period\n"
        '  hittade: texten "2024-01-01"\n'
        "  förväntade: ett årtal, till exempel 2024"),
    "a mapping where a list is expected": Mistake(
        VB_HSN, "riktas_till: [hsn, rs]", "riktas_till: {hsn, rs}",
        "{file}, rad {line}, kolumn 19: 'riktas_till' har fel typ\n"
        f"  plats: {VB_UPPDRAG}\n"
        "  hittade: en grupp av nycklar (nyckel: värde)\n"
        "  förväntade: en lista (rader som börjar med -)"),
    "columns written as a mapping": Mistake(
        HSN, "                  kolumner:\n                    - {typ: utfall, år: 2021}\n"
             "                    - {typ: utfall, år: 2022}\n                    - {typ: målnivå, år: 2024}\n"
             "                    - {typ: målnivå, år: 2026}\n                  rader:\n"
             "                    - id: kariesfria",
        "                  kolumner:\n                    typ: utfall\n                  rader:\n"
        "                    - id: kariesfria",
        "{file}, rad {line}, kolumn 19: 'kolumner' har fel typ\n"
        f"  plats: {FOLKHALSA} → indikatortabell\n"
        "  hittade: en grupp av nycklar (nyckel: värde)\n"
        "  förväntade: en lista (rader som börjar med -)"),
    "true where text is expected": Mistake(
        VB_HSN, "                  status: Pågående", "                  status: true",
        "{file}, rad {line}, kolumn 19: 'status' har fel typ\n"
        f"  plats: {VB_UPPDRAG}\n"
        "  hittade: true\n"
        "  förväntade: en text"),
    "yes where true/false is expected": Mistake(
        RS, "                  fet: true", "                  fet: ja",
        "{file}, rad {line}, kolumn 19: 'fet' har fel typ\n"
        f'  plats: {RS_RAMAR} → rad "Regionstyrelsen"\n'
        '  hittade: texten "ja"\n'
        "  förväntade: true eller false"),
    "a § number with decimals": Mistake(
        MINUTES, "    nummer: 92\n", "    nummer: 92.5\n",
        "{file}, rad {line}, kolumn 5: 'nummer' har fel typ\n"
        '  plats: protokoll hsu-2023-12-07 → § "p92"\n'
        "  hittade: talet 92.5\n"
        "  förväntade: ett heltal, till exempel 92"),
    "an empty value": Mistake(
        HSN, "                        2021: 75\n", "                        2021:\n",
        "{file}, rad {line}, kolumn 25: värdet är tomt\n"
        f"  plats: {KARIES} → utfall 2021\n"
        "  förväntade: ett tal eller en text; ett tomt fält utelämnas helt"),
    "a unit pasted into a budget cell": Mistake(
        HSN, "värden: [6319, 6635, 6859, 6959]", 'värden: ["6 319 kr", 6635, 6859, 6959]',
        "{file}, rad {line}, kolumn 28: cell 1 är inget tal: enheten 'kr' står i cellen\n"
        f'  plats: {RAMAR} → tabell "Ekonomiska ramar" → rad "Ekonomisk ram, HSN"\n'
        '  hittade: texten "6 319 kr"\n'
        "  förväntade: bara talet, 6319; tabellens enhet skrivs en gång, i 'enhet:'"),

    # --- ids ----------------------------------------------------------------------------
    "å in an id": Mistake(
        HSN, "- id: kariesfria-6-aringar", "- id: kariesfria-6-åringar",
        "{file}, rad {line}, kolumn 23: 'id' är inte ett giltigt id\n"
        f"  plats: {KARIES}\n"
        '  hittade: texten "kariesfria-6-åringar"\n'
        f"  förväntade: {ID_RULE}"),
    "ä in a goal reference": Mistake(
        HSN, "mål: folkhalsa", "mål: folkhälsa",
        "{file}, rad {line}, kolumn 13: 'mål' är inte ett giltigt id\n"
        f"  plats: {FOLKHALSA}\n"
        '  hittade: texten "folkhälsa"\n'
        f"  förväntade: {ID_RULE}"),
    "upper case id": Mistake(
        HSN, "                    - id: hse\n", "                    - id: HSE\n",
        "{file}, rad {line}, kolumn 23: 'id' är inte ett giltigt id\n"
        f'  plats: {ARBETSPLATSER} → indikatortabell → indikator "HSE (Hållbart säkerhetsengagemang)"\n'
        '  hittade: texten "HSE"\n'
        f"  förväntade: {ID_RULE}"),
    "two indicators with one id": Mistake(
        HSN, "                    - id: hse\n", "                    - id: hme-totalindex\n",
        "{file}, rad {line}, kolumn 23: id 'hme-totalindex' används redan i samma fil (rad 256)\n"
        f'  plats: {ARBETSPLATSER} → indikatortabell → indikator "HSE (Hållbart säkerhetsengagemang)"\n'
        "  förväntade: ett id som ingen annan indikator i filen har"),
    "two chapters with one id": Mistake(
        HSN, "  - id: grunduppdraget", "  - id: inledning",
        "{file}, rad {line}, kolumn 5: id 'inledning' används redan i samma fil (rad 19)\n"
        f'  plats: {HSN_PLAN} → kapitel "Grunduppdraget"\n'
        "  förväntade: ett id som inget annat kapitel i filen har"),
    "region given a new id": Mistake(
        REGION, "id: vasternorrland", "id: vasternorrlnd",
        "{file}, rad {line}, kolumn 1: filen heter 'vasternorrland.yml' men har id 'vasternorrlnd'\n"
        "  plats: region vasternorrlnd\n"
        "  förväntade: filnamnet 'vasternorrlnd.yml' (webbadressen byggs av id:t)"),
    "minutes given a new id": Mistake(
        MINUTES, "id: hsu-2023-12-07", "id: hsu-2023-12-08",
        "{file}, rad {line}, kolumn 1: filen heter 'hsu-2023-12-07.yml' men har id 'hsu-2023-12-08'\n"
        "  plats: protokoll hsu-2023-12-08\n"
        "  förväntade: filnamnet 'hsu-2023-12-08.yml' (webbadressen byggs av id:t)"),

    # --- references ---------------------------------------------------------------------
    "unknown body of a plan": Mistake(
        HSN, "organ: hsn", "organ: hsnn",
        "{file}, rad {line}, kolumn 1: organet 'hsnn' finns inte\n"
        f"  plats: {HSN_PLAN}\n"
        f"  förväntade: ett av: {BODIES}\n"
        "  menade du 'hsn'?"),
    "unknown body of minutes": Mistake(
        MINUTES, "organ: hsu", "organ: hsutskott",
        "{file}, rad {line}, kolumn 1: organet 'hsutskott' finns inte\n"
        "  plats: protokoll hsu-2023-12-07\n"
        f"  förväntade: ett av: {BODIES}\n"
        "  menade du 'rs-finansutskott'?"),
    "unknown body an assignment is directed to": Mistake(
        VB_HSN, "riktas_till: [hsn, rs]", "riktas_till: [hsn, rs, hsnn]",
        "{file}, rad {line}, kolumn 19: organet 'hsnn' finns inte\n"
        f"  plats: {VB_UPPDRAG}\n"
        "  förväntade: ett av: alla, beredning-folkhalsa, bfs, bpt, folkhogskolestyrelsen, hsf, "
        "hsn, hsn-au, krisledningsnamnden, patientnamnden, regionforvaltningen, revision, rf, rs, run\n"
        "  menade du 'hsn'?"),
    "unknown body a proposal goes to": Mistake(
        MINUTES, "      till: hsn", "      till: hns",
        "{file}, rad {line}, kolumn 7: organet 'hns' finns inte\n"
        '  plats: protokoll hsu-2023-12-07 → § "92" → beslut\n'
        f"  förväntade: ett av: {BODIES}\n"
        "  menade du 'hsn'?"),
    "unknown body a body belongs to": Mistake(
        REGION, "    under: rs\n  - id: hsn", "    under: rss\n  - id: hsn",
        "{file}, rad {line}, kolumn 5: organet 'rs-finansutskott' ligger under 'rss', som inte finns\n"
        '  plats: region vasternorrland → organ "Regionstyrelsens finansutskott"\n'
        "  förväntade: id för ett av regionens organ\n"
        "  menade du 'rs'?"),
    "misspelt region-plan goal": Mistake(
        HSN, "mål: folkhalsa", "mål: folkhals",
        "{file}, rad {line}, kolumn 13: regionplanens mål 'folkhals' finns inte\n"
        f"  plats: {FOLKHALSA}\n"
        "  förväntade: ett av: attraktiva-arbetsplatser, folkhalsa, hallbar-samhallsutveckling, "
        "saker-vard, samarbete-innovation, tillganglig-vard\n"
        "  menade du 'folkhalsa'?"),
    "goal under the wrong goal area": Mistake(
        HSN, "            mål: folkhalsa", "            mål: saker-vard",
        "{file}, rad {line}, kolumn 13: målet 'saker-vard' hör inte till målområdet 'malomrade-1' "
        "i regionplanen\n"
        f"  plats: {FOLKHALSA}\n"
        "  förväntade: ett mål i det målområde som kapitlet står under"),
    "unknown goal structure": Mistake(
        HSN, "målstruktur: regionplan-2024-2026", "målstruktur: regionplan-2024-2025",
        "{file}, rad {line}, kolumn 1: målstrukturen 'regionplan-2024-2025' finns inte\n"
        f"  plats: {HSN_PLAN}\n"
        "  förväntade: ett av: regionplan-2024-2026, regionplan-2025-2027\n"
        "  menade du 'regionplan-2024-2026'?"),
    "a region plan shares the goals of one that is not there": Mistake(
        REGION, "samma_mål_som: regionplan-2024-2026", "samma_mål_som: regionplan-2024-2025",
        "{file}, rad {line}, kolumn 5: målstrukturen 'regionplan-2024-2025' finns inte längre upp i filen\n"
        '  plats: region vasternorrland → målstruktur "regionplan-2025-2027"\n'
        "  förväntade: ett av: regionplan-2024-2026\n"
        "  menade du 'regionplan-2024-2026'?"),
    "a region plan's source names a chapter the plan does not have": Mistake(
        REGION, "kapitel: [inledning, malomraden]", "kapitel: [inledning, malomradena]",
        "{file}, rad {line}, kolumn 50: planen 'hsn-verksamhetsplan-2024-2026' har inget kapitel "
        "'malomradena'\n"
        '  plats: region vasternorrland → målstruktur "regionplan-2024-2026" → källa\n'
        "  förväntade: id för ett kapitel i planen\n"
        "  menade du 'malomraden'?"),
    "a region plan's status misspelt": Mistake(
        REGION, "status: preliminär", "status: prelimenär",
        "{file}, rad {line}, kolumn 5: 'status' har ett okänt värde\n"
        '  plats: region vasternorrland → målstruktur "regionplan-2024-2026"\n'
        '  hittade: texten "prelimenär"\n'
        "  förväntade: ett av: preliminär, beslutad\n"
        "  menade du 'preliminär'?"),
    "a former id of a goal structure that is a current id": Mistake(
        REGION, "tidigare_id: [regionplan-2024-2027]", "tidigare_id: [regionplan-2024-2026]",
        "{file}, rad {line}, kolumn 5: det tidigare id:t 'regionplan-2024-2026' är id för en "
        "målstruktur som finns\n"
        '  plats: region vasternorrland → målstruktur "regionplan-2025-2027"\n'
        "  förväntade: bara id som inte längre används"),
    "a fact from the minutes that the plan does not have": Mistake(
        HSN, "uppgifter: [titel, status, diarienummer]", "uppgifter: [titel, status, beslutsdatum]",
        "{file}, rad {line}, kolumn 3: planen har ingen 'beslutsdatum' som kan komma från protokollet\n"
        f"  plats: {HSN_PLAN} → uppgifter_från_protokoll\n"
        "  förväntade: 'beslutsdatum: …' i planen, eller ta bort 'beslutsdatum' ur listan"),
    "a quote from the § that is not verbatim": Mistake(
        HSN, "till -775 mnkr. Det innebär", "till -757 mnkr. Det innebär",
        "{file}, rad {line}, kolumn 5: citatet står inte ordagrant i § 92\n"
        f"  plats: {HSN_PLAN} → uppgifter_från_protokoll → belopp\n"
        "  förväntade: paragrafens egna ord, kopierade ur protokollet"),
    "a plan's statement about its indicators that its text does not make": Mistake(
        VB_HSN, "hämtade från data inom Region Västerbotten.\"", "hämtade från Kolada.\"",
        "{file}, rad {line}, kolumn 5: citatet står inte ordagrant i kapitlet 'Beskrivning av uppföljning'\n"
        "  plats: plan hsn-namndplan-2025 → om_indikatorerna → källor\n"
        "  förväntade: planens egna ord, kopierade ur kapitlets text"),
    "a plan's statement about its indicators in a chapter it does not have": Mistake(
        RS, "    kapitel: inledning\n    citat: \"Där", "    kapitel: inledningen\n    citat: \"Där",
        "{file}, rad {line}, kolumn 5: planen har inget kapitel 'inledningen'\n"
        "  plats: plan rs-verksamhetsplan-2025-2027 → om_indikatorerna → bedömning\n"
        "  förväntade: id för kapitlet där planen säger det, till exempel inledning"),
    "unknown § in the plan's decisions": Mistake(
        HSN, "paragraf: p92", "paragraf: p29",
        "{file}, rad {line}, kolumn 5: paragrafen 'p29' finns inte i protokollet hsu-2023-12-07\n"
        f'  plats: {HSN_PLAN} → beslut "p29"\n'
        "  förväntade: ett av: p90, p91, p92, p93, p94, p95, p96, p97, p98\n"
        "  menade du 'p92'?"),
    "unknown minutes in the plan's decisions": Mistake(
        HSN, "  - protokoll: hsu-2023-12-07", "  - protokoll: hsu-2023-12-08",
        "{file}, rad {line}, kolumn 5: protokollet 'hsu-2023-12-08' finns inte\n"
        f'  plats: {HSN_PLAN} → beslut "p92"\n'
        "  förväntade: ett av: hsu-2023-12-07\n"
        "  menade du 'hsu-2023-12-07'?"),
    "a row naming an indicator the register does not have": Mistake(
        VB_RS, "indikator: hme-chefer-rs", "indikator: hme-chefer-r",
        "{file}, rad {line}, kolumn 27: indikatorn 'hme-chefer-r' finns inte i data/indikatorer/vasterbotten.yml\n"
        f"  plats: {VB_HME_CHEFER}\n"
        "  förväntade: ett id som finns i data/indikatorer/vasterbotten.yml\n"
        "  menade du 'hme-chefer-rs'?"),
    "a row whose id is no indicator of the register": Mistake(
        VB_HSN, "- id: anvandandet-av-sjalvservice", "- id: anvandande-av-sjalvservice",
        "{file}, rad {line}, kolumn 27: indikatorn 'anvandande-av-sjalvservice' finns inte i "
        "data/indikatorer/vasterbotten.yml\n"
        f"  plats: {VB_SJALVSERVICE}\n"
        "  förväntade: ett id som finns i data/indikatorer/vasterbotten.yml\n"
        "  menade du 'anvandandet-av-sjalvservice'?"),
    "shared target level with a row that is not above": Mistake(
        HSN, "målnivå_som: sjalvskattad-halsa-vuxna-kvinnor", "målnivå_som: sjalvskattad-halsa-ungdom-flickor",
        "{file}, rad {line}, kolumn 23: indikatorn 'sjalvskattad-halsa-vuxna-man' delar målnivå med "
        "'sjalvskattad-halsa-ungdom-flickor', som inte står på raden direkt ovanför\n"
        f'  plats: {FOLKHALSA} → indikatortabell → indikator "Självskattad hälsa - Vuxna (40, 50, 60 år) - män"\n'
        "  förväntade: 'målnivå_som' med id för raden ovanför\n"
        "  menade du 'sjalvskattad-halsa-vuxna-kvinnor'?"),
    "adjuster of a § that does not exist": Mistake(
        MINUTES, "paragrafer: [p92, p96, p98]", "paragrafer: [p92, p96, p99]",
        "{file}, rad {line}, kolumn 32: paragrafen 'p99' finns inte\n"
        '  plats: protokoll hsu-2023-12-07 → justering → justerare "Viktoria Jansson"\n'
        "  förväntade: ett av: p90, p91, p92, p93, p94, p95, p96, p97, p98\n"
        "  menade du 'p98'?"),
    "footnote reference without footnote": Mistake(
        RS, "- fotnot: [6]", "- fotnot: [8]",
        "{file}, rad {line}, kolumn 17: fotnoten '8' finns inte\n"
        '  plats: plan rs-verksamhetsplan-2025-2027 → kapitel "Målområden" → målområde '
        '"Målområde 2: Region Västernorrland utvecklar ar…" → mål "Mål: Vi bedriver '
        'kunskapsbaserad, trygg och säk…"\n'
        "  förväntade: ett av: 1, 2, 3, 4, 5, 6, 7"),

    # --- years --------------------------------------------------------------------------
    "outcome year without a column": Mistake(
        HSN, "                        2021: 75\n", "                        2020: 75\n",
        "{file}, rad {line}, kolumn 25: tabellen har ingen kolumn för utfall 2020\n"
        f"  plats: {KARIES} → utfall 2020\n"
        "  förväntade: ett av tabellens år för utfall: 2021, 2022"),
    "a target column added after the plan's period": Mistake(
        HSN, "                    - {typ: målnivå, år: 2026}\n                  rader:\n"
             "                    - id: kariesfria",
        "                    - {typ: målnivå, år: 2026}\n                    - {typ: målnivå, år: 2027}\n"
        "                  rader:\n                    - id: kariesfria",
        "{file}, rad {line}, kolumn 38: kolumnen 'Målnivå 2027' ligger utanför planens period 2024–2026\n"
        f"  plats: {FOLKHALSA} → indikatortabell → kolumn 5\n"
        "  förväntade: målnivåer för år inom planperioden", offset=1),
    "period that ends before it starts": Mistake(
        HSN, "period: {från: 2024, till: 2026}", "period: {från: 2026, till: 2024}",
        "{file}, rad {line}, kolumn 22: perioden slutar före den börjar\n"
        f"  plats: {HSN_PLAN} → period\n"
        "  hittade: från 2026 till 2024\n"
        "  förväntade: 'till' 2026 eller senare"),

    # --- tables -------------------------------------------------------------------------
    "a row with a value too few": Mistake(
        HSN, "värden: [0, 151, 176, 273]", "värden: [151, 176, 273]",
        "{file}, rad {line}, kolumn 19: raden har 3 värden men tabellen har 4 kolumner\n"
        f'  plats: {RAMAR} → tabell "Ekonomiska ramar" → rad "Åtgärder i handlingsplan"\n'
        "  förväntade: 4 värden; skriv null för en tom cell"),
    "a total that does not add up": Mistake(
        HSN, "summa: {text: SUMMA Åtgärder, belopp: 151}", "summa: {text: SUMMA Åtgärder, belopp: 115}",
        "{file}, rad {line}, kolumn 15: summan 115 stämmer inte med åtgärdernas belopp\n"
        f"  plats: {RAMAR} → åtgärder\n"
        "  förväntade: summan av raderna, 151"),
    "a row footnote the table does not have": Mistake(
        RS, "                  fotnot: 3\n", "                  fotnot: 4\n",
        "{file}, rad {line}, kolumn 19: raden 'regionledningsförvaltningen' hänvisar till fotnot 4, "
        "som saknas under tabellens 'fotnoter'\n"
        f'  plats: {RS_RAMAR} → rad "regionledningsförvaltningen"\n'
        "  förväntade: ett av: 1, 2, 3"),

    # --- dates --------------------------------------------------------------------------
    "30 February": Mistake(
        VB_HSN, 'slutdatum: "2024-12-31"', 'slutdatum: "2023-02-30"',
        "{file}, rad {line}, kolumn 19: 'slutdatum' är inte ett datum\n"
        f"  plats: {VB_UPPDRAG}\n"
        '  hittade: texten "2023-02-30"\n'
        '  förväntade: ett datum skrivet "ÅÅÅÅ-MM-DD", till exempel "2023-12-07"'),
    "a date written out in words": Mistake(
        MINUTES, '  - datum: "2023-12-07"', "  - datum: 7 december 2023",
        "{file}, rad {line}, kolumn 5: 'datum' är inte ett datum\n"
        '  plats: protokoll hsu-2023-12-07 → information "Verksamhetsplaner 2024–2026, hälso- och sjukvår…"\n'
        '  hittade: texten "7 december 2023"\n'
        '  förväntade: ett datum skrivet "ÅÅÅÅ-MM-DD", till exempel "2023-12-07"'),
    "a meeting day that does not exist": Mistake(
        MINUTES, 'datum: ["2023-12-07", "2023-12-08"]', 'datum: ["2023-12-07", "2023-13-08"]',
        '{file}, rad {line}, kolumn 1: "2023-13-08" är inget datum\n'
        "  plats: protokoll hsu-2023-12-07\n"
        '  förväntade: datum skrivna "ÅÅÅÅ-MM-DD", till exempel ["2023-12-07"]'),
    # --- the original document and the last change -----------------------------------------
    "an original whose address is not a web address": Mistake(
        HSN, '  diarienummer: "23HSN1782"\n',
        '  diarienummer: "23HSN1782"\n  url: "javascript:alert(1)"\n',
        "{file}, rad {line}, kolumn 3: 'url' är ingen giltig webbadress: den börjar inte med https:// "
        "eller http://\n"
        "  plats: plan hsn-verksamhetsplan-2024-2026 → original\n"
        '  hittade: texten "javascript:alert(1)"\n'
        "  förväntade: en adress som börjar med https:// eller http://, till exempel "
        "https://www.regionvasternorrland.se/…/verksamhetsplan.pdf", offset=1),
    "an original with neither address nor diarium entry": Mistake(
        MINUTES, "  diarienummer: 23HSN1\n", "",
        "{file}, rad {line}, kolumn 3: originalet saknar både 'url' och 'diarienummer'\n"
        "  plats: protokoll hsu-2023-12-07 → original\n"
        "  förväntade: 'url:' (dokumentets webbadress), 'diarienummer:' eller båda", offset=-1),
    "a last-change date in Swedish words": Mistake(
        MINUTES, "tjänsteställe: Regionledningsförvaltningen\n",
        'tjänsteställe: Regionledningsförvaltningen\nändrad: 15 januari 2024\n',
        "{file}, rad {line}, kolumn 1: 'ändrad' är inte ett datum\n"
        "  plats: protokoll hsu-2023-12-07\n"
        '  hittade: texten "15 januari 2024"\n'
        '  förväntade: ett datum skrivet "ÅÅÅÅ-MM-DD", till exempel "2023-12-07"', offset=1),
    "a region area that is not an address": Mistake(
        REGION, "  - http://data.europa.eu/nuts/code/SE321\n", "  - SE321\n",
        "{file}, rad {line}, kolumn 5: punkt 1 i 'geografi' är ingen giltig webbadress: den börjar inte "
        "med https:// eller http://\n"
        "  plats: region vasternorrland\n"
        '  hittade: texten "SE321"\n'
        "  förväntade: en adress som börjar med http:// eller https://, till exempel "
        "http://data.europa.eu/nuts/code/SE321"),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_data_mistake_is_reported_with_file_line_and_what_was_expected(project, name):
    mistake = MISTAKES[name]
    changed = edit(project, mistake.file, mistake.old, mistake.new)
    expected = mistake.report.format(file=mistake.file, line=changed + mistake.offset, edit=changed)
    assert_fails_with(validate(project), expected)


# --- whole files ----------------------------------------------------------------------

MODELINE = b"# yaml-language-server: $schema=../../../macros/schema/plan.schema.json\n"

BROKEN_FILES = {
    "empty file": (b"", f"{HSN}, rad 1, kolumn 1: filen är tom\n"
                        "  förväntade: uppgifter enligt data/README.md"),
    "only a comment": (MODELINE, f"{HSN}, rad 1, kolumn 1: filen innehåller bara kommentarer\n"
                                 "  förväntade: uppgifter enligt data/README.md"),
    "saved as Latin-1": (
        MODELINE + "id: hsn-verksamhetsplan-2024-2026\ntitel: Verksamhetsplan för år\n".encode("latin-1"),
        f"{HSN}, rad 3, kolumn 1: filen är inte sparad som UTF-8\n"
        "  förväntade: spara filen med teckenkodningen UTF-8"),
    "a list instead of a mapping": (
        MODELINE + "- id: hsn-verksamhetsplan-2024-2026\n  region: vasternorrland\n".encode(),
        f"{HSN}, rad 2, kolumn 1: filen ska beskriva en plan\n"
        "  hittade: en lista (rader som börjar med -)\n"
        "  förväntade: nycklar som 'id:', 'titel:' … enligt data/README.md"),
    "binary garbage with NUL bytes": (
        b"id: hsn\x00\x01\x02\x03garbage\n",
        f"{HSN}, rad 1, kolumn 8: filen innehåller ett styrtecken (U+0000) som inte hör hemma i en text\n"
        "  förväntade: ta bort tecknet; är det rätt fil, sparad som text (UTF-8)?"),
    "an image saved under the plan's name": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        f"{HSN}, rad 1, kolumn 1: filen är inte sparad som UTF-8\n"
        "  förväntade: spara filen med teckenkodningen UTF-8"),
}


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_a_broken_file_is_reported(project, name):
    content, expected = BROKEN_FILES[name]
    (project / HSN).write_bytes(content)
    assert_fails_with(validate(project), expected)


def test_a_file_named_differently_from_its_id_is_reported(project):
    renamed = "data/planer/vasternorrland/hsn-verksamhetsplan-2024.yml"
    (project / HSN).rename(project / renamed)
    assert_fails_with(
        validate(project),
        f"{renamed}, rad 2, kolumn 1: filen heter 'hsn-verksamhetsplan-2024.yml' men har id "
        "'hsn-verksamhetsplan-2024-2026'\n"
        f"  plats: {HSN_PLAN}\n"
        "  förväntade: filnamnet 'hsn-verksamhetsplan-2024-2026.yml' (webbadressen byggs av id:t)")


def test_a_file_in_the_wrong_region_folder_is_reported(project):
    moved = "data/planer/vasternorrland/hsn-namndplan-2025.yml"
    (project / VB_HSN).rename(project / moved)
    assert_fails_with(
        validate(project),
        f"{moved}, rad 3, kolumn 1: filen ligger i mappen 'vasternorrland' men gäller regionen "
        "'vasterbotten'\n"
        "  plats: plan hsn-namndplan-2025\n"
        "  förväntade: filen i mappen data/planer/vasterbotten/")


def test_references_to_a_file_that_cannot_be_read_are_not_reported_again(project):
    # The plan's `beslut` names these minutes; only the minutes' own error is reported.
    (project / MINUTES).write_bytes(b"")
    assert_fails_with(validate(project), f"{MINUTES}, rad 1, kolumn 1: filen är tom\n"
                                         "  förväntade: uppgifter enligt data/README.md")


def test_all_errors_of_a_run_are_reported_together_sorted_by_file_and_line(project):
    plan_body = edit(project, HSN, "organ: hsn", "organ: hsnn")
    plan_key = edit(project, HSN, 'diarienummer: "23HSN1782"', 'diarienumer: "23HSN1782"')
    minutes = edit(project, MINUTES, "organ: hsu", "organ: hsuu")
    deadline = edit(project, VB_HSN, 'slutdatum: "2024-12-31"', 'slutdatum: "2024-12-32"')
    assert_fails_with(
        validate(project),
        f"{VB_HSN}, rad {deadline}, kolumn 19: 'slutdatum' är inte ett datum\n"
        f"  plats: {VB_UPPDRAG}\n"
        '  hittade: texten "2024-12-32"\n'
        '  förväntade: ett datum skrivet "ÅÅÅÅ-MM-DD", till exempel "2023-12-07"',
        f"{HSN}, rad {plan_body}, kolumn 1: organet 'hsnn' finns inte\n"
        f"  plats: {HSN_PLAN}\n"
        f"  förväntade: ett av: {BODIES}\n"
        "  menade du 'hsn'?",
        f"{HSN}, rad {plan_key}, kolumn 1: okänd nyckel 'diarienumer'\n"
        f"  plats: {HSN_PLAN}\n"
        f"  förväntade: en av: {PLAN_KEYS}\n"
        "  menade du 'diarienummer'?",
        f"{MINUTES}, rad {minutes}, kolumn 1: organet 'hsuu' finns inte\n"
        "  plats: protokoll hsu-2023-12-07\n"
        f"  förväntade: ett av: {BODIES}\n"
        "  menade du 'hsu'?",
    )


# --- what YAML would convert behind the editor's back, and must not -------------------

def _corpus(project: Path) -> m.Corpus:
    return load_corpus(project / "data")


def _indicator(corpus, region: str, plan: str, indicator: str):
    return next(i for i in corpus.plan(region, plan).indicators() if i.id == indicator)


def test_no_and_yes_stay_text(project):
    # YAML 1.1 would turn `no` into false and `yes` into true.
    edit(project, MINUTES, "{namn: Pia Lundin, parti: SJVP}", "{namn: Pia Lundin, parti: no}")
    edit(project, MINUTES, 'tid: "kl. 09:15"', "tid: no")
    edit(project, HSN, "2026: Motsvara riket\n              - text:", "2026: yes\n              - text:")
    result = validate(project)
    assert result.returncode == 0, result.stderr
    corpus = _corpus(project)
    meeting = corpus.meeting("vasternorrland", "hsu-2023-12-07")
    assert meeting.time == "no"
    assert [p.party for p in meeting.members if p.name == "Pia Lundin"] == ["no"]
    target = _indicator(corpus, "vasternorrland", "hsn-verksamhetsplan-2024-2026",
                        "paverkbar-slutenvard-65-plus").targets[2026]
    assert (target.text, target.number) == ("yes", None)


def test_unquoted_dates_stay_text(project):
    # YAML 1.1 would turn 2024-12-31 into a date object; here it stays as written.
    edit(project, VB_HSN, 'slutdatum: "2024-12-31"', "slutdatum: 2024-12-31")
    edit(project, MINUTES, '  - datum: "2023-12-07"', "  - datum: 2023-12-07")
    edit(project, HSN, "status: föreslagen\n", "status: föreslagen\nbeslutsdatum: 2022-12-06\n")
    edit(project, HSN, 'diarienummer: "23HSN1782"', "diarienummer: 2023-12-07")
    result = validate(project)
    assert result.returncode == 0, result.stderr
    corpus = _corpus(project)
    plan = corpus.plan("vasternorrland", "hsn-verksamhetsplan-2024-2026")
    assert (plan.decision_date, plan.case_number) == ("2022-12-06", "2023-12-07")
    assert corpus.meeting("vasternorrland", "hsu-2023-12-07").information[0].date == "2023-12-07"


def test_swedish_numbers_written_as_text_are_understood(project):
    edit(project, HSN, "2021: {värde: 0.29", '2021: {värde: "0,29"')
    edit(project, HSN, "                        2021: 5150\n", '                        2021: "5 150"\n')
    edit(project, HSN, "                        2022: 11.6\n", '                        2022: "11,6 %"\n')
    edit(project, HSN, "värden: [6319, 6635, 6859, 6959]", 'värden: ["6 319", 6635, 6859, 6959]')
    edit(project, HSN, "                        2021: 77\n", '                        "2021": 77\n')
    result = validate(project)
    assert result.returncode == 0, result.stderr
    corpus = _corpus(project)
    indicator = lambda ident: _indicator(corpus, "vasternorrland", "hsn-verksamhetsplan-2024-2026", ident)
    assert indicator("kontinuitetsindex-kronisk-sjukdom").outcomes[2021].number == Decimal("0.29")
    assert indicator("paverkbar-slutenvard-65-plus").outcomes[2021].number == Decimal(5150)
    assert indicator("kostnad-inhyrd-personal").outcomes[2022].number == Decimal("11.6")
    assert indicator("hme-totalindex").outcomes[2021].number == Decimal(77)
    plan = corpus.plan("vasternorrland", "hsn-verksamhetsplan-2024-2026")
    table = next(b for b in plan.blocks(m.Table) if b.id == "ekonomiska-ramar")
    assert table.rows[0].values[0] == Decimal(6319)


def test_a_swedish_number_is_shown_as_a_number(project, tmp_path):
    edit(project, HSN, "                        2021: 75\n", '                        2021: "0,75"\n')
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/index.html").read_text()
    assert "0,75\u00a0%" in html


# --- the build stops the same way -----------------------------------------------------

BUILD_CASES = ["unknown body of a plan", "a quote that is never closed", "a unit pasted into a budget cell"]


@pytest.mark.parametrize("name", BUILD_CASES)
def test_a_build_with_a_data_error_fails_with_the_same_message_and_writes_nothing(project, tmp_path, name):
    mistake = MISTAKES[name]
    changed = edit(project, mistake.file, mistake.old, mistake.new)
    expected = mistake.report.format(file=mistake.file, line=changed + mistake.offset, edit=changed)
    assert expected in reports(validate(project).stderr)
    out = tmp_path / "out"
    result = build(project, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    assert "Data i data/ innehåller 1 fel; webbplatsen byggs inte." in output, output
    assert expected in output, output
    assert not out.exists(), "a failed build must not write a site"


def test_a_build_of_a_binary_file_fails_without_traceback(project, tmp_path):
    (project / MINUTES).write_bytes(b"\x00\x01\x02\x03")
    out = tmp_path / "out"
    result = build(project, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    assert f"{MINUTES}, rad 1, kolumn 1: filen innehåller ett styrtecken" in output, output
    assert not out.exists()


def test_the_corpus_is_large_enough():
    # The corpus above is the release's list of checked mistakes; keep it growing.
    assert len(MISTAKES) + len(BROKEN_FILES) >= 35


def test_a_period_of_one_year_is_named_as_one_year(project):
    """Nämndplan 2025 (Västerbotten HSN) runs "2025", not "2025–2025", in messages too."""
    edit(project, VB_HSN, '- {typ: målnivå, år: 2025, rubrik: "Mål 2025"}',
         '- {typ: målnivå, år: 2026, rubrik: "Mål 2026"}')
    result = validate(project)
    assert result.returncode == 1
    assert "ligger utanför planens period 2025\n" in result.stderr, result.stderr
    assert "2025–2025" not in result.stderr
