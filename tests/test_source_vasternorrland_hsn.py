"""Source: vasternorrland-hsn-verksamhetsplan-2024-2026.txt — is it on the site, whole and exact?

Region Västernorrland, Hälso- och sjukvårdsnämnden, Reviderad verksamhetsplan 2024–2026.
Every expected value below is typed from the source document (never from the YAML);
the ids (anchors) are the only thing taken from the data file.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from conftest import cell_text, norm, table_grid

PLAN = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"
REGION = "/vasternorrland/"
MINUTES = "/vasternorrland/protokoll/hsu-2023-12-07/"

# --------------------------------------------------------------------------------------
# Expected data, from the source
# --------------------------------------------------------------------------------------

# Chapter headings (h2/h3 "kapitel-<id>"), in the source's order.
CHAPTERS = [
    ("inledning", "Inledning"),
    ("grunduppdraget", "Grunduppdraget"),
    ("agarstyrning-uppsikt", "Ägarstyrning/uppsikt"),
    ("inriktning-for-planperioden", "Inriktning för planperioden"),
    ("malomraden", "Målområden"),
    ("ekonomi", "Ekonomi"),
    ("ekonomiska-mal", "Ekonomiska mål"),
    ("ekonomiska-ramar", "Ekonomiska ramar"),
    ("konsekvenser-och-riskbedomning", "Konsekvenser och riskbedömning"),
]

# The three goal areas (anchor "malomrade-<chapter id>").
GOAL_AREAS = [
    ("malomrade-1", "Målområde 1: Ett attraktivt Västernorrland med hållbar utveckling"),
    ("malomrade-2", "Målområde 2: Region Västernorrland utvecklar arbetet för en god, jämlik och nära vård"),
    ("malomrade-3", "Målområde 3: Vi skapar mervärde för befolkningen genom vår verksamhet"),
]

# The six goals: (goal area, goal id, goal text after "Mål: ").
GOALS = [
    ("malomrade-1", "hallbar-samhallsutveckling",
     "Vi agerar som en sammanhållande kraft för en hållbar samhällsutveckling"),
    ("malomrade-1", "folkhalsa",
     "Vi främjar förutsättningarna för god och jämlik folkhälsa i Västernorrland"),
    ("malomrade-2", "tillganglig-vard",
     "Vi erbjuder vård som utgår från individens behov och är tillgänglig"),
    ("malomrade-2", "saker-vard",
     "Vi bedriver kunskapsbaserad, trygg och säker hälso- och sjukvård samt tandvård"),
    ("malomrade-3", "attraktiva-arbetsplatser",
     "Vi erbjuder attraktiva arbetsplatser för medarbetare och chefer"),
    ("malomrade-3", "samarbete-innovation",
     "Vi främjar samarbete, innovation och utveckling"),
]

QUANT_HEAD = "Indikator - kvantitativ"
QUAL_HEAD = "Indikator - kvalitativ"
U21, U22, M24, M26 = "Utfall 2021", "Utfall 2022", "Målnivå 2024", "Målnivå 2026"

SJALVSKATTAD = ("Andelen som uppger att de har god/mycket god självskattad hälsa ska öka, "
                "skillnader mellan olika grupper ska minska.")
POSITIV = "Positiv utveckling (ökade värden) över tid"
HOGRE = "Högre än föregående år"
PRODUKTIVITET = "Produktivitetsutveckling som lägst 2 % per år"

# Quantitative indicators: (goal, id, name, Utfall 2021, Utfall 2022, Målnivå 2024, Målnivå 2026)
# as the page shows the source's cells (decimal comma, space as thousands separator).
QUANTITATIVE = [
    ("folkhalsa", "kariesfria-6-aringar", "Andel kariesfria 6-åringar",
     "75 %", "73 %", POSITIV, POSITIV),
    ("folkhalsa", "sjalvskattad-halsa-ungdom-flickor",
     "Självskattad hälsa - Ungdom (åk 1 gymnasiet) - flickor",
     "70 %", "62 %", SJALVSKATTAD, SJALVSKATTAD),
    # merged target cells in the source: same target text as the row above
    ("folkhalsa", "sjalvskattad-halsa-ungdom-pojkar",
     "Självskattad hälsa - Ungdom (åk 1 gymnasiet) - pojkar",
     "86 %", "83 %", SJALVSKATTAD, SJALVSKATTAD),
    ("folkhalsa", "sjalvskattad-halsa-vuxna-kvinnor",
     "Självskattad hälsa - Vuxna (40, 50, 60 år) - kvinnor",
     "67 %", "65 %", SJALVSKATTAD, SJALVSKATTAD),
    ("folkhalsa", "sjalvskattad-halsa-vuxna-man",
     "Självskattad hälsa - Vuxna (40, 50, 60 år) - män",
     "70 %", "70 %", SJALVSKATTAD, SJALVSKATTAD),
    ("tillganglig-vard", "fortroende-halso-och-sjukvarden",
     "Förtroendet för hälso- och sjukvården som helhet, Västernorrland",
     "60 %", "46 %", "60 %", "65 %"),
    ("tillganglig-vard", "kontinuitetsindex-kronisk-sjukdom",
     "Kontinuitetsindex för patienter med kronisk sjukdom (läkare)",
     "0,29 (feb-22)", "0,28 (feb-22)", "0,55", "-"),
    ("tillganglig-vard", "undvikbar-slutenvard-kroniska",
     "Andel undvikbar slutenvård hos personer med kroniska tillstånd",
     "6,9 %", "6,9 %", "6,5 %", "6,0 %"),
    ("tillganglig-vard", "medicinsk-bedomning-tre-dagar",
     "Medicinsk bedömning inom tre dagar i primärvård, läkare",
     "78 %", "79 %", "Motsvara rikets genomsnitt",
     "Långsiktig målnivå är att uppfylla vårdgarantin fullt ut"),
    ("tillganglig-vard", "paverkbar-slutenvard-65-plus",
     "Vårdtillfällen med påverkbar slutenvård i urval av diagnoser – 65 år och äldre",
     "5 150", "5 098", "Motsvara riket", "Motsvara riket"),
    ("attraktiva-arbetsplatser", "hme-totalindex",
     "HME Totalindex (Hållbart medarbetarengagemang)",
     "77", "77", HOGRE, HOGRE),
    ("attraktiva-arbetsplatser", "kostnad-inhyrd-personal",
     "Andel kostnad inhyrd personal i relation till egna personalkostnader",
     "11,1 %", "11,6 %", "15,0 %", "14,0 %"),
    ("attraktiva-arbetsplatser", "hse", "HSE (Hållbart säkerhetsengagemang)",
     "75", "75", HOGRE, HOGRE),
    ("attraktiva-arbetsplatser", "kostnad-per-drg-poang", "Kostnad per DRG-poäng (somatisk vård)",
     "79 812", "78 024", PRODUKTIVITET, PRODUKTIVITET),
    ("attraktiva-arbetsplatser", "strukturjusterad-kostnad",
     "Strukturjusterad hälso- och sjukvårdskostnad",
     "28 783", "32 174", "32 817", "34 142"),
    ("samarbete-innovation", "hme-delindex-styrning",
     "HME Delindex - Styrning (Hållbart medarbetarengagemang)",
     "72", "72", HOGRE, HOGRE),
    ("samarbete-innovation", "hme-delindex-ledarskap",
     "HME Delindex - Ledarskap (Hållbart medarbetarengagemang)",
     "81", "81", HOGRE, HOGRE),
]

# Rows whose target cells the source merges with the row above: row → row above.
MERGED_TARGETS = {
    "sjalvskattad-halsa-ungdom-pojkar": "sjalvskattad-halsa-ungdom-flickor",
    "sjalvskattad-halsa-vuxna-man": "sjalvskattad-halsa-vuxna-kvinnor",
}

# The two qualitative tables: (goal, id, name).
QUALITATIVE = [
    ("saker-vard", "personcentrerade-vardforlopp",
     "Implementering av nationella personcentrerade och sammanhållna vårdförlopp sker i Regionen"),
    ("saker-vard", "handlingsplan-patientsakerhet",
     "Utveckling sker i förhållande till Region Västernorrlands handlingsplan för ökad patientsäkerhet"),
    ("samarbete-innovation", "hallbarhetsplan",
     "Arbete sker i enlighet med nämndens ansvarsområden utifrån Hållbarhetsplan"),
]

# Ekonomiska ramar (mnkr): heading row and every row, minus shown as '-' after norm().
RAMAR_HEAD = ["Ramområde", "Ram 2023", "Ram 2024", "Ram 2025", "Ram 2026"]
RAMAR = [
    ["Ekonomisk ram, HSN", "6 319", "6 635", "6 859", "6 959"],
    ["Utgångspunkt/Resultat", "-628", "-600", "-449", "-273"],
    ["Åtgärder i handlingsplan", "0", "151", "176", "273"],
    ["Resultat efter åtgärder", "-628", "-449", "-273", "0"],
    ["Tillåtet underskott", "-150", "-70", "0", "0"],
    ["Resultat", "-478", "-379", "-273", "0"],
]

MEASURES_INTRO = "Åtgärderna i Hälso- och sjukvårdsnämndens handlingsplan 2024 är:"
MEASURES = [
    ("Beslut att ersättningar utöver avtal begränsas till sommarmånaderna", "+60 mnkr"),
    ("Lägre budget för resor och utbildning", "+13 mnkr"),
    ("Åtgärder för att kunna minska beroendet av inhyrd personal", "+58 mnkr"),
    ('Smartare inköp enligt RVN plan "effektivare administration"', "+20 mnkr"),
]
MEASURES_SUM = ("SUMMA Åtgärder", "+151 mnkr")

RISKS_INTRO = ("Under framtagandet av verksamhetsplanen har tänkbara risker och konsekvenser utifrån "
               "mål, indikatorer och ekonomisk ram identifierats. Exempel på riskområden som lyfts "
               "och beaktats i processen:")
RISKS = [
    "Region Västernorrland har utmaningar med en åldrande befolkning. Samtidigt har hälso- och "
    "sjukvården svårt att bemanna sina verksamheter, vilket påverkar samtliga perspektiv och målområden.",
    "Kompetensförsörjning, behov av kompetensväxling och ny kompetens. Fokus främst inom Region "
    "Västernorrlands verksamheter, dock tangeras även behovet av strategisk kompetensförsörjning i "
    "länet och nya arbetssätt med omställningen till Nära Vård.",
    "Risk att behovet av digital tillgänglighet i vården försenas eller inte avspeglar det verkliga "
    "vårdbehovet hos befolkningen - risk för ojämlikhet i fråga om befolkningens möjligheter att få "
    "kontakt med regionen, och/eller nyttja regionens utbud och tjänster.",
    "Identifierade utvecklingsområden behöver samordnas och resurssättas, i relation till "
    "grunduppdrag. Målkonflikter måste löpande hanteras i relation till nationella uppdrag och "
    "förutsättningar. Riskerna identifieras främst till utvecklings-/genomförandeförmågan i "
    "organisationen samt risker för kompetenstapp. Takten på genomförande av beslut, kommer att "
    "inverka ytterligare på risk- och konsekvensbedömningen.",
    "Inflationen, med särskilda risker kopplade till stigande energipriser (fastigheter och "
    "transport) samt livsmedel bidrar till en ovisshet samt därtill påverkan på offentlig "
    "sektors/regionens lönebildning. Utöver detta kommer de skärpta kraven på dygnsvila som "
    "påverkar dygnet-runt verksamhet i hela landet.",
    "Risk att organisationen inte genomför eller inte har den uthållighet som krävs, för den "
    "kulturförflyttning som en mer tillitsbaserad styrning förutsätter, uteblivna effekter.",
    "Ett uthålligt och långsiktigt arbete behöver bidra till en omställningsförmåga över tid. "
    "Risker finns med ett kortsiktigt arbete för en ekonomi i balans. I relation till "
    "regionfullmäktiges beslut om ekonomiska förutsättningar för planperioden så kan nämndens plan "
    "behöva uppdateras.",
    "De samhällsutmaningar som länet står inför är komplexa och ingen enskild aktör har möjlighet "
    "att lösa dem. Detta kräver samverkan, långsiktighet och strategisk planering hos aktörer på "
    "olika nivåer med förmåga att samordna, bidra med kunskap och göra prioriteringar på kort och "
    "lång sikt. Hur hälso- och sjukvården skapar förutsättningar för detta behöver utkristalliseras "
    "under inledande planperiod.",
]

LEGAL_ENTITY_INTRO = "Följande juridisk person är Hälso- och sjukvårdsnämnden ansvarig nämnd för."
LEGAL_ENTITY = "Kommunalförbundet Svenskt Ambulansflyg"

# Distinctive sentences sampled from every chapter, start to end of the source.
NARRATIVE = [
    # Inledning
    "Nämndens/styrelsens verksamhetsplan bygger på regionfullmäktiges preliminära Regionplan 2024–2026, "
    "med dess långsiktiga målsättningar och mål.",
    "Målnivåer anges på tre års sikt respektive för kommande planeringsår (1 år).",
    "Verksamhetsplanen följs löpande upp i form av delårs- och årsrapport samt genom uppföljning "
    "från förvaltningarna på månadsbasis.",
    # Grunduppdraget
    "Målstyrning innebär styrning genom vision, långsiktig inriktning, mål och övriga prioriteringar "
    "för utvecklingsarbetet samt uppföljning av resultat och effekt.",
    "Uppföljning sker genom avstämning/rapportering av aktiviteter, indikatorer och mål.",
    # Inriktning för planperioden
    "Region Västernorrlands vision ”Liv, hälsa och hållbar utveckling” är utgångspunkt för arbetet "
    "med målstyrningen.",
    "Strävan efter en hälso- och sjukvård som kan möta patienternas behov genom Nära Vård pågår.",
    "För att på bästa sätt ta tillvarata organisationernas samlade resurser och möta framtidens behov "
    "behövs utökade, fördjupade samarbeten och väl genomtänkta strategier och arbetssätt.",
    "Invånarna och medarbetarna ska bjudas in till dialog för nytänkande, innovation och utveckling.",
    # Målområde 1
    "Men samhällsförändringarna för även med sig möjligheter.",
    "Hälso- och sjukvården behöver skapa beredskap för det okända men i möjligaste hantera frågan "
    "inom ramen av ordinarie strukturer.",
    "Genom HälSam som är den politiska samverkansorganisationen för hälso- och sjukvård och "
    "socialtjänst har vi strukturer för att möta de nya utmaningarna",
    # Målområde 2
    "Primärvård är det naturliga navet för dessa patientgrupper.",
    "Den ”nära vården” blir också alltmer specialiserad, vilket i sin tur ställer nya krav på kompetens.",
    "Stävan är att föra dialog med medborgarna så tidigt som möjligt i beslutsprocessen.",
    "Hälso- och sjukvårdsnämnden fortsätter att utveckla en utmaningsdriven och bred samverkan "
    "tillsammans med civilsamhället kring komplexa samhällsutmaningar",
    "Under planperioden behöver fokus ligga på fortsatt utvecklad samverkan och samarbete samt "
    "fortsatt implementering/integrering av digitala lösningar.",
    "Den nationella visionen ”God och säker vård – överallt och alltid” och det nationella målet "
    "”ingen patient ska behöva drabbas av vårdskada”, har fyra grundläggande förutsättningar "
    "identifierats i den nationella handlingsplanen för ökad patientsäkerhet.",
    "Uppföljning av handlingsplanen sker enligt särskild tidplan till nämnden.",
    # Målområde 3
    "Glesbygdsersättningen ska därför ses över för att bättre stödja de områden som har "
    "svårigheter att konkurrera.",
    "Regionen är med i den samordnade upphandlingen av hyrpersonal och kommer gå över till det "
    "nationella avtalet för läkare och sjuksköterskor när det är klart.",
    "I hållbarhetsplan har de globala målen omformats till fyra övergripande mål för Region "
    "Västernorrland 2020-2024: Vi ökar kunskapen om hållbarhet, Vi arbetar för att varje människa ska "
    "må bra, Vi använder jordens resurser klokt samt Vi begränsar klimatpåverkan.",
    "Stödverksamheterna hjälper Hälso- och sjukvården i detta arbete.",
    # Ekonomi
    "Grunden för verksamheten inom Region Västernorrland är det som i kommunallagen benämns "
    "”God ekonomisk hushållning”.",
    "För detta krävs en resultatnivå på cirka 180 miljoner kronor motsvarande i snitt kring två "
    "procent av intäkter från skatter och generella statsbidrag.",
    'Hälso- och sjukvårdsnämnden tar ansvar att arbeta med att upprätthålla en "God ekonomisk '
    'hushållning"',
    # Ekonomiska mål
    "Utgångspunkten inför budget 2024 är att det samlade resultatet visar på ett underskott på "
    "ca -600 miljoner kronor (mnkr).",
    "Målvärdet för 2024 är 32 817 kr/invånare och målvärdet för 2026 är 34 142 kr /invånare.",
    "Enligt Regionplanen skall kostnaden per DRG-poäng vid planperiodens slut (2026) uppgå till högst "
    "7,5 procent över snittet i riket för jämförbara sjukhus, innebärande en effektivisering med "
    "270 - 300 miljoner kronor.",
    "Fördelningen mellan dessa områden görs av hälso- och sjukvårdsnämnden i anslutning till "
    "fastställande av detaljbudgeten i december månad är 2023.",
    # Ekonomiska ramar
    "Ovan tabell redovisar preliminära ramar för Hälso- och sjukvårdsnämnden under planperioden "
    "2024–2026. Belopp redovisar i miljoner kronor, mnkr.",
    "Slutligt beslut av budget 2024 och plan 2025-2026 fattas av Hälso- och sjukvårdsnämnden i "
    "december efter att Regionfullmäktige beslutar i november.",
    "Vid återredovisning följer nämnden upp att åtgärderna i handlingsplanen planperioden effektueras.",
    # Konsekvenser och riskbedömning (after the risks)
    "Prioriteringar är ett faktum för kommande period.",
    "Övergripande riskområden därutöver, kopplade till länets utveckling, består exempelvis om "
    "demografiska utmaningar, eventuella förändrade förutsättningar för regional tillväxt, "
    "folkhälsoläget i länet samt hållbarhets- och klimatfrågorna.",
]

# What the conversion left behind; none of it may be on the page.
ARTIFACTS = [
    "[bookmark", "bookmark:", "_Toc", "_Hlk", "<b>", "</b>", "<i>", "</i>", "<sup>", "</sup>",
    "[image", "image1", "image2", "image3", ".jpeg", ".emf", "=~", "==", "Visternorrland",
    "Ordförandens sign", "Sida 2(", ".....", "· ", "\t", "None",
]


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------

def resolve(page_url: str, href: str) -> str:
    """An href on a page as a site-absolute URL."""
    return urljoin(page_url, href)


def heading_text(element) -> str:
    clone = element.__copy__()
    for helper in clone.select(".headerlink"):
        helper.decompose()
    return norm(clone.get_text(" "))


def section_after(heading):
    """The elements after a heading, up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    out = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            break
        out.append(sibling)
    return out


def previous_heading(element, name: str):
    return element.find_previous(name)


# --------------------------------------------------------------------------------------
# 1. Chapters, goal areas and goals
# --------------------------------------------------------------------------------------

def test_plan_title(site):
    h1 = site.content(PLAN).find("h1")
    assert "Reviderad verksamhetsplan 2024–2026" in heading_text(h1), heading_text(h1)
    assert "Hälso- och sjukvårdsnämnden" in heading_text(h1), heading_text(h1)


@pytest.mark.parametrize("ident, title", CHAPTERS, ids=[c[0] for c in CHAPTERS])
def test_chapter_heading(site, ident, title):
    element = site.element(PLAN, f"kapitel-{ident}")
    assert element.name in {"h2", "h3"}, f"#kapitel-{ident} is a <{element.name}>"
    assert heading_text(element) == title


def test_chapters_in_source_order(site):
    article = site.content(PLAN)
    wanted = [f"kapitel-{i}" for i, _ in CHAPTERS]
    order = [h["id"] for h in article.select("h2[id^=kapitel-], h3[id^=kapitel-]")]
    assert [i for i in order if i in wanted] == wanted
    assert len(order) == len(wanted), f"unexpected chapters: {set(order) - set(wanted)}"


@pytest.mark.parametrize("ident, title", GOAL_AREAS, ids=[a[0] for a in GOAL_AREAS])
def test_goal_area_heading(site, ident, title):
    element = site.element(PLAN, f"malomrade-{ident}")
    assert heading_text(element) == title
    assert previous_heading(element, "h2")["id"] == "kapitel-malomraden"


def test_exactly_three_goal_areas_and_six_goals(site):
    article = site.content(PLAN)
    areas = article.select("[id^=malomrade-]")
    goals = article.select("h4[id^=mal-], h3[id^=mal-], h5[id^=mal-]")
    assert [a["id"] for a in areas] == [f"malomrade-{i}" for i, _ in GOAL_AREAS]
    assert [g["id"] for g in goals] == [f"mal-{g}" for _, g, _ in GOALS]


@pytest.mark.parametrize("area, ident, text", GOALS, ids=[g[1] for g in GOALS])
def test_goal_heading_under_its_goal_area(site, area, ident, text):
    element = site.element(PLAN, f"mal-{ident}")
    assert heading_text(element) == f"Mål: {text}"
    area_heading = previous_heading(element, "h3")
    assert area_heading["id"] == f"malomrade-{area}", (
        f"goal {ident} is under {area_heading.get('id')}, not {area}")


@pytest.mark.parametrize("area, ident, text", GOALS, ids=[g[1] for g in GOALS])
def test_goal_links_to_region_plan_goal(site, area, ident, text):
    heading = site.element(PLAN, f"mal-{ident}")
    serves = [e for e in section_after(heading) if "op-serves" in (e.get("class") or [])]
    assert len(serves) == 1, f"goal {ident}: no single 'Bidrar till regionplanens mål' paragraph"
    paragraph = serves[0]
    assert norm(paragraph.get_text(" ")).startswith("Bidrar till regionplanens mål"), paragraph
    links = paragraph.find_all("a")
    assert len(links) == 1, paragraph
    assert resolve(PLAN, links[0]["href"]) == f"{REGION}#mal-{ident}", links[0]["href"]
    assert norm(links[0].get_text(" ")) == text
    # the target exists on the region page and names the same goal, with the wording of the
    # region plan this plan follows (goal 1's differs in Regionplan 2025–2027) …
    target = site.element(REGION, f"mal-{ident}")
    assert text in norm(target.get_text(" ")), norm(target.get_text(" "))
    # … and the region page links back to this plan's goal
    back = [resolve(REGION, a["href"]) for a in target.find_all("a", href=True)]
    assert f"{PLAN}#mal-{ident}" in back, back


# The region plan this plan follows (source, Inledning): "Nämndens/styrelsens verksamhetsplan
# bygger på regionfullmäktiges preliminära Regionplan 2024–2026, med dess långsiktiga
# målsättningar och mål."
REGION_PLAN_ANCHOR = "malstruktur-regionplan-2024-2026"
REGION_PLAN_TITLE = "Regionplan 2024–2026"
REGION_PLAN_STATUS = "Preliminär"


def facts(site, url: str, dl, with_source: bool = False) -> dict[str, str]:
    """The facts of a <dl>, term → value; without the note on where a fact comes from
    (span.op-source) unless `with_source`."""
    result = {}
    for dt in dl.find_all("dt"):
        dd = dt.find_next_sibling("dd").__copy__()
        if not with_source:
            for note in dd.select(".op-source"):
                note.decompose()
        result[norm(dt.get_text(" "))] = norm(dd.get_text(" "))
    return result


def region_plan_section(site, anchor: str) -> list:
    return section_after(site.element(REGION, anchor))


def region_plan_goal_texts(elements) -> list[str]:
    """The goals a region-plan section lists, as worded there: its own goal elements
    (<strong>) and the goals it shares with a section above (a link)."""
    texts = []
    for element in elements:
        for li in element.select("li.op-region-goal, li.op-region-goal-ref"):
            main = li.find("strong") if "op-region-goal" in li["class"] else li.find("a")
            texts.append(norm(main.get_text(" ")))
    return texts


def test_plan_follows_the_preliminary_regionplan_2024_2026(site):
    dl = site.content(PLAN).select_one("dl.op-facts")
    shown = facts(site, PLAN, dl)
    assert shown["Följer"] == f"{REGION_PLAN_TITLE} (preliminär)", shown["Följer"]
    link = [a for a in dl.find_all("a", href=True) if "#malstruktur-" in a["href"]]
    assert len(link) == 1 and resolve(PLAN, link[0]["href"]) == f"{REGION}#{REGION_PLAN_ANCHOR}"
    assert "2024–2027" not in site.text(PLAN), "a period no source names"


def test_region_page_regionplan_2024_2026(site):
    heading = site.element(REGION, REGION_PLAN_ANCHOR)
    assert heading.name == "h2" and heading_text(heading) == REGION_PLAN_TITLE
    dl = next(e for e in region_plan_section(site, REGION_PLAN_ANCHOR) if e.name == "dl")
    shown = facts(site, REGION, dl)
    assert shown["Status"] == REGION_PLAN_STATUS, shown
    followed = [resolve(REGION, a["href"]) for a in dl.find_all("a", href=True)
                if a.find_parent("dd").find_previous_sibling("dt").get_text() == "Följs av"]
    assert followed == [PLAN], followed
    # where the region plan's facts are read from: this plan's Inledning and Målområden
    assert "Källa" in shown and "Inledning" in shown["Källa"] and "Målområden" in shown["Källa"], shown


def test_region_page_regionplan_2024_2026_has_this_plans_areas_and_goals(site):
    elements = region_plan_section(site, REGION_PLAN_ANCHOR)
    # Each goal area is a <section> of its own: its heading may be the element or inside it.
    areas = [heading_text(h) for e in elements for h in ([e] if e.name == "h3" else e.find_all("h3"))]
    assert areas == [title for _, title in GOAL_AREAS], areas
    assert region_plan_goal_texts(elements) == [text for _, _, text in GOALS]


def test_region_goal_1_gives_this_region_plans_wording(site):
    """Goal 1 reads "Vi agerar som …" here and "Region Västernorrland agerar som …" in the RS
    plan's Regionplan 2025–2027: the one goal shows both, each with its region plan."""
    goal = site.element(REGION, "mal-hallbar-samhallsutveckling")
    wordings = [norm(p.get_text()) for p in goal.select("p.op-wording")]
    assert f"I {REGION_PLAN_TITLE}: {GOALS[0][2]}" in wordings, wordings
    link = goal.select_one("p.op-wording a")
    assert resolve(REGION, link["href"]) == f"{REGION}#{REGION_PLAN_ANCHOR}"


# --------------------------------------------------------------------------------------
# 2. Indicators
# --------------------------------------------------------------------------------------

def test_exactly_all_indicator_rows(site):
    rows = site.content(PLAN).select("[id^=indikator-]")
    expected = [f"indikator-{r[1]}" for r in QUANTITATIVE] + [f"indikator-{r[1]}" for r in QUALITATIVE]
    assert sorted(r["id"] for r in rows) == sorted(expected)
    assert len(rows) == 20


def test_indicator_tables_and_headings(site):
    tables = [t for t in site.content(PLAN).find_all("table") if t.select("[id^=indikator-]")]
    heads = [norm(t.select("thead tr")[0].get_text(" ")) for t in tables]
    quant = f"{QUANT_HEAD} {U21} {U22} {M24} {M26}"
    assert heads == [quant, quant, QUAL_HEAD, quant, quant, QUAL_HEAD], heads


@pytest.mark.parametrize("goal, ident, name, u21, u22, m24, m26", QUANTITATIVE,
                         ids=[r[1] for r in QUANTITATIVE])
def test_quantitative_indicator_row(site, goal, ident, name, u21, u22, m24, m26):
    row = site.row(PLAN, f"indikator-{ident}")
    assert row == {QUANT_HEAD: name, U21: u21, U22: u22, M24: m24, M26: m26}, ident
    goal_heading = previous_heading(site.row_element(PLAN, f"indikator-{ident}"), "h4")
    assert goal_heading["id"] == f"mal-{goal}", f"{ident} is under {goal_heading.get('id')}"


@pytest.mark.parametrize("row_id, above", MERGED_TARGETS.items(), ids=list(MERGED_TARGETS))
def test_merged_target_cells_show_the_row_above(site, row_id, above):
    lower, upper = site.row(PLAN, f"indikator-{row_id}"), site.row(PLAN, f"indikator-{above}")
    for column in (M24, M26):
        assert lower[column] == upper[column] == SJALVSKATTAD, (row_id, column)
    # merged as in the source: the upper row's target cells span both rows
    upper_tr = site.row_element(PLAN, f"indikator-{above}")
    spans = [td.get("rowspan") for td in upper_tr.find_all("td")[2:]]
    assert spans == ["2", "2"], spans
    # in the table only the outcome cells; the copy of the targets is for the narrow-screen card
    lower_tr = site.row_element(PLAN, f"indikator-{row_id}")
    assert len(lower_tr.select("td:not(.op-card-only)")) == 2
    assert [cell_text(td) for td in lower_tr.select("td.op-card-only")] == [f"{SJALVSKATTAD} Samma målnivå som raden ovan"] * 2


@pytest.mark.parametrize("goal, ident, name", QUALITATIVE, ids=[r[1] for r in QUALITATIVE])
def test_qualitative_indicator_row(site, goal, ident, name):
    assert site.row(PLAN, f"indikator-{ident}") == {QUAL_HEAD: name}
    goal_heading = previous_heading(site.row_element(PLAN, f"indikator-{ident}"), "h4")
    assert goal_heading["id"] == f"mal-{goal}", f"{ident} is under {goal_heading.get('id')}"


def test_qualitative_tables_add_no_rule_the_plan_does_not_state(site):
    """Both qualitative tables are headed "Indikator - kvalitativ" in the source, and the plan
    never says how they are judged (unlike the RS plan): the caption describes the table only."""
    tables = [t for t in site.content(PLAN).find_all("table")
              if t.select("[id^=indikator-]") and norm(t.select("thead tr")[0].get_text(" ")) == QUAL_HEAD]
    assert len(tables) == 2, len(tables)
    for table in tables:
        caption = norm(table.find("caption").get_text(" "))
        assert caption == "Indikatorer – kvalitativa", caption
    text = site.text(PLAN)
    for rule in ("bedöms Ja", "Ja, Delvis eller Nej", "Ja, Nej eller Delvis", "beskrivs som"):
        assert rule not in text, f"the page adds {rule!r}, which the plan does not say"


# --------------------------------------------------------------------------------------
# 3. Legal entity (no assignments or commitments in this document)
# --------------------------------------------------------------------------------------

def test_legal_entity(site):
    chapter = site.element(PLAN, "kapitel-agarstyrning-uppsikt")
    section = section_after(chapter)
    text = norm(" ".join(e.get_text(" ") for e in section))
    assert LEGAL_ENTITY_INTRO in text
    items = [norm(li.get_text(" ")) for e in section for li in e.find_all("li")]
    assert items == [LEGAL_ENTITY], items


def test_no_assignments_or_commitments(site):
    content = site.content(PLAN)
    assert not content.select("[id^=uppdrag-]"), "the source has no assignments"
    assert "ska regionstyrelsen" not in site.text(PLAN)


# --------------------------------------------------------------------------------------
# 4. Economy: Ekonomiska ramar and the action plan
# --------------------------------------------------------------------------------------

def test_ekonomiska_ramar_table(site):
    wrapper = site.element(PLAN, "tabell-ekonomiska-ramar")
    table = wrapper if wrapper.name == "table" else wrapper.find("table")
    grid, headers = table_grid(table)
    assert headers == RAMAR_HEAD
    assert grid == RAMAR
    caption = norm(table.find("caption").get_text(" "))
    assert "Ekonomiska ramar" in caption and "mnkr" in caption, caption
    assert previous_heading(table, "h3")["id"] == "kapitel-ekonomiska-ramar"


@pytest.mark.parametrize("row", RAMAR, ids=[r[0] for r in RAMAR])
def test_ekonomiska_ramar_row(site, row):
    wrapper = site.element(PLAN, "tabell-ekonomiska-ramar")
    grid, headers = table_grid(wrapper.find("table") or wrapper)
    rows = {r[0]: dict(zip(headers, r)) for r in grid}
    assert rows.get(row[0]) == dict(zip(RAMAR_HEAD, row)), row[0]


def test_ekonomiska_ramar_negative_numbers_use_a_minus_sign(site):
    wrapper = site.element(PLAN, "tabell-ekonomiska-ramar")
    cells = [td.get_text().strip() for td in wrapper.find_all("td")]
    negative = [c for c in cells if c.startswith(("-", "\u2212"))]
    assert len(negative) == 12, cells
    assert all(c.startswith("\u2212") for c in negative), negative


def _measures_table(site):
    for table in site.content(PLAN).find_all("table"):
        if MEASURES[0][0] in norm(table.get_text(" ")):
            return table
    raise AssertionError("no table with the action-plan measures")


def test_action_plan_measures(site):
    table = _measures_table(site)
    rows = [[cell_text(c) for c in tr.find_all(["th", "td"])] for tr in table.select("tbody > tr")]
    assert rows == [list(m) for m in MEASURES] + [list(MEASURES_SUM)], rows
    intro = table.find_previous("p")
    assert norm(intro.get_text(" ")) == MEASURES_INTRO
    assert previous_heading(table, "h3")["id"] == "kapitel-ekonomiska-ramar"


def test_action_plan_sum_is_bold_and_adds_up(site):
    table = _measures_table(site)
    last = table.select("tbody > tr")[-1]
    assert "op-bold" in (last.get("class") or []), "the SUMMA row is not set apart"
    amounts = [int(re.sub(r"\D", "", a)) for _, a in MEASURES]
    assert sum(amounts) == int(re.sub(r"\D", "", MEASURES_SUM[1]))


# --------------------------------------------------------------------------------------
# 5. Risks and narrative
# --------------------------------------------------------------------------------------

def test_risks(site):
    chapter = site.element(PLAN, "kapitel-konsekvenser-och-riskbedomning")
    lists = [e for e in section_after(chapter) if e.name == "ul"]
    assert len(lists) == 1, "the risks are not one list"
    items = [norm(li.get_text(" ")) for li in lists[0].find_all("li")]
    assert len(items) == 8, items
    assert items == RISKS
    assert RISKS_INTRO in site.text(PLAN)


@pytest.mark.parametrize("sentence", NARRATIVE, ids=[s[:40] for s in NARRATIVE])
def test_narrative_sentence(site, sentence):
    assert norm(sentence) in site.text(PLAN), sentence


def test_narrative_in_source_order(site):
    text = site.text(PLAN)
    positions = [text.find(norm(s)) for s in NARRATIVE]
    assert positions == sorted(positions), "the narrative is out of the source's order"


# --------------------------------------------------------------------------------------
# 6. No conversion artifacts
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("artifact", ARTIFACTS)
def test_no_conversion_artifact(site, artifact):
    text = site.content(PLAN).get_text(" ")
    assert artifact not in text, f"conversion artifact {artifact!r} on the page"


def test_no_conversion_artifact_in_page_title_or_head(site):
    page = site.page(PLAN)
    head = norm(page.find("head").get_text(" "))
    for artifact in ("[bookmark", "_Toc", "image1", "<b>"):
        assert artifact not in head, artifact


# --------------------------------------------------------------------------------------
# 7. The plan and § 92 of the minutes, both directions
# --------------------------------------------------------------------------------------

def test_plan_links_to_paragraph_92(site):
    facts = site.content(PLAN).select_one("dl.op-facts")
    assert facts is not None
    target = f"{MINUTES}#paragraf-p92"
    links = [a for a in facts.find_all("a", href=True) if resolve(PLAN, a["href"]) == target]
    assert len(links) == 1, [a["href"] for a in facts.find_all("a", href=True)]
    entry = norm(links[0].find_parent("dd").get_text(" "))
    assert "§ 92" in entry, entry
    assert "föreslog antagande" in entry, entry
    # the target exists: § 92 of the minutes
    paragraph = site.element(MINUTES, "paragraf-p92")
    assert heading_text(paragraph).startswith("§ 92 Reviderad verksamhetsplan 2024–2026")


# --------------------------------------------------------------------------------------
# 8. Where each fact comes from: the plan's text or § 92 (issue 12)
# --------------------------------------------------------------------------------------

# The plan's text has no title page: its title, status and case number are § 92's (protocol
# source): "§ 92 Reviderad verksamhetsplan 2024–2026, Hälsa- och sjukvårdsnämnden",
# "Diarienummer: 23HSN1782", "Hälsa- och sjukvårdsutskottet föreslår att Hälsa- och
# sjukvårdsnämnden beslutar att anta reviderad verksamhetsplan 2024–2026 …".
FROM_MINUTES = {
    "Titel": "Reviderad verksamhetsplan 2024–2026",
    "Status": "Föreslagen",
    "Diarienummer": "23HSN1782",
}
# From the plan's text: "Nämndens/styrelsens verksamhetsplan bygger på regionfullmäktiges
# preliminära Regionplan 2024–2026", "planperioden 2024–2026".
FROM_PLAN = {
    "Typ av plan": "Verksamhetsplan",
    "Period": "2024–2026",
    "Följer": "Regionplan 2024–2026 (preliminär)",
}
MINUTES_NOTE = "– ur § 92 i protokollet"
PLAN_NOTE = "– ur planens text"

# Figures for 2024: the plan's text (Ekonomiska ramar, column Ram 2024: "Utgångspunkt/Resultat
# -600", "Åtgärder i handlingsplan 151", "Tillåtet underskott -70") and § 92 (Ärendebeskrivning).
COMPARED_HEAD = ["Belopp", "Planens text", "Hälso- och sjukvårdsutskottet § 92, 7–8 december 2023"]
COMPARED = [
    ["Utgångspunkt/Resultat 2024", "-600", "-775"],
    ["Åtgärder i handlingsplan 2024", "151", "325"],
    ["Tillåtet underskott 2024", "-70", "-450"],
]
P92_QUOTE = ("Efter att alla områden, verksamheter och enheter utfört sina överväganden avseende "
             "bemanning och ekonomi är budgetresultatet försämrat från antagandet om -600 mnkr till "
             "-775 mnkr. Det innebär att handlingsplaner måste upprättas för 325 mnkr för att klara "
             "det tillåtna underskottet 2024 på -450 mnkr.")


def test_each_fact_says_whether_it_comes_from_the_plan_or_paragraph_92(site):
    dl = site.content(PLAN).select_one("dl.op-facts")
    shown = facts(site, PLAN, dl, with_source=True)
    for name, value in FROM_MINUTES.items():
        assert shown.get(name) == f"{value} {MINUTES_NOTE}", (name, shown.get(name))
    for name, value in FROM_PLAN.items():
        assert shown.get(name) == f"{value} {PLAN_NOTE}", (name, shown.get(name))


def test_plan_figures_and_paragraph_92_figures_side_by_side(site):
    box = site.element(PLAN, "uppgifter-fran-protokoll")
    table = box.find("table")
    grid, headers = table_grid(table)
    assert headers == COMPARED_HEAD, headers
    assert grid == COMPARED, grid
    assert "mnkr" in norm(table.find("caption").get_text(" "))
    # § 92's own words, verbatim, with a link to the §
    quote = box.find("blockquote")
    assert norm(quote.find("p").get_text(" ")).strip("”") == P92_QUOTE
    assert resolve(PLAN, quote.find("a")["href"]) == f"{MINUTES}#paragraf-p92"
    # the quote is in the minutes as published
    assert P92_QUOTE in site.text(MINUTES)


def test_plan_text_keeps_its_own_pre_revision_figures(site):
    """The plan's chapters still show the plan's figures (−600, 151), never § 92's."""
    chapter_text = norm(" ".join(e.get_text(" ") for e in section_after(site.element(PLAN, "kapitel-ekonomi"))))
    assert "ca -600 miljoner kronor (mnkr)" in chapter_text
    assert "-775" not in chapter_text and "325" not in chapter_text and "-450" not in chapter_text


def test_paragraph_92_links_back_to_plan(site):
    paragraph = site.element(MINUTES, "paragraf-p92")
    hrefs = [resolve(MINUTES, a["href"]) for e in section_after(paragraph)
             for a in e.find_all("a", href=True)]
    assert PLAN in hrefs, hrefs
