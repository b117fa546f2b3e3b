"""Regionstyrelsen Västernorrland, Verksamhetsplan 2025 (2026–2027), is on the site
completely and with the values of the source document.

Source: /work/shared/sources/vasternorrland-rs-verksamhetsplan-2025-2027.txt
Page:   /vasternorrland/planer/rs-verksamhetsplan-2025-2027/

Every expected value below is typed from the source document (not from the YAML).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import norm, table_grid

URL = "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/"
REGION_URL = "/vasternorrland/"
HSN_PLAN = "hsn-verksamhetsplan-2024-2026"
RS_PLAN = "rs-verksamhetsplan-2025-2027"

# --------------------------------------------------------------------------- expected data

TITLE = "Verksamhetsplan 2025 (2026–2027)"

# Chapter headings with their numbers, as in the source.
CHAPTERS = [
    ("kapitel-inledning", "1 Inledning"),
    ("kapitel-grunduppdraget", "1.1 Grunduppdraget"),
    ("kapitel-agarstyrning-och-uppsiktsplikt", "1.2 Ägarstyrning och uppsiktsplikt"),
    ("kapitel-inriktning-for-planperioden", "1.3 Inriktning för planperioden"),
    ("kapitel-malomraden", "2 Målområden"),
    ("kapitel-ekonomi", "3 Ekonomi"),
    ("kapitel-ekonomiska-mal", "3.1 Ekonomiska mål"),
    ("kapitel-ekonomiska-ramar", "3.2 Ekonomiska ramar"),
    ("kapitel-konsekvenser-och-riskbedomning", "4 Konsekvenser och riskbedömning"),
    ("kapitel-bilagor", "5 Bilagor (förteckning)"),
]

SUBHEADINGS = [
    "Långsiktig kompetensförsörjning",
    "Ekonomi i balans",
    "Omställning och effektivitet",
]

GOAL_AREAS = [
    ("malomrade-1", "2.1 Målområde 1: Ett attraktivt Västernorrland med hållbar utveckling"),
    ("malomrade-2", "2.2 Målområde 2: Region Västernorrland utvecklar arbetet för en god, jämlik och nära vård"),
    ("malomrade-3", "2.3 Målområde 3: Vi skapar mervärde för befolkningen genom vår verksamhet"),
]

# goal id → (goal area id, heading as in the source)
GOALS = {
    "hallbar-samhallsutveckling": ("malomrade-1", "2.1.1 Mål: Region Västernorrland agerar som en sammanhållande kraft för en hållbar samhällsutveckling"),
    "folkhalsa": ("malomrade-1", "2.1.2 Mål: Vi främjar förutsättningarna för god och jämlik folkhälsa i Västernorrland"),
    "tillganglig-vard": ("malomrade-2", "2.2.1 Mål: Vi erbjuder vård som utgår från individens behov och är tillgänglig"),
    "saker-vard": ("malomrade-2", "2.2.2 Mål: Vi bedriver kunskapsbaserad, trygg och säker hälso- och sjukvård samt tandvård"),
    "attraktiva-arbetsplatser": ("malomrade-3", "2.3.1 Mål: Vi erbjuder attraktiva arbetsplatser för medarbetare och chefer"),
    "samarbete-innovation": ("malomrade-3", "2.3.2 Mål: Vi främjar samarbete, innovation och utveckling"),
}

QUANT_HEADERS = ["Indikator - kvantitativ", "Utfall 2022", "Utfall 2023", "Målnivå 2025", "Målnivå 2027"]
QUAL_HEADERS = ["Indikator - kvalitativ"]

NY_2024 = "Ny indikator 2024"
NY_2025 = "Ny indikator 2025"
BIBEHALLA = "Bibehålla/öka"

# (goal, indicator id, name, Utfall 2022, Utfall 2023, Målnivå 2025, Målnivå 2027)
QUANTITATIVE = [
    ("hallbar-samhallsutveckling", "beslut-regionala-samverkansradet",
     "Antal beslut i Regionala samverkansrådet som föregåtts av gemensam dialog",
     NY_2024, NY_2024, "6", "8"),
    ("folkhalsa", "gnv-reaktiv-till-proaktiv",
     "God och nära vård: Delperspektivet Från reaktiv - till proaktiv och hälsofrämjande. (Ja/delvis/nej). "
     "Kluster som bedöms utifrån två parametrar.",
     NY_2024, NY_2024, "Ja", "Ja"),
    ("tillganglig-vard", "gnv-samordning-personens-fokus",
     "God och nära vård: Delperspektiv Från isolerade vård- och omsorgsinsatser till samordning utifrån "
     "personens fokus. (Ja/delvis/nej). Kluster som bedöms utifrån tre parametrar.",
     NY_2024, NY_2024, "Ja", "Ja"),
    ("tillganglig-vard", "gnv-aktiva-medskapare",
     "God och nära vård: Delperspektiv Från patienter som passiva mottagare till aktiva medskapare "
     "(Ja/delvis/nej). Kluster som bedöms utifrån två parametrar.",
     NY_2024, NY_2024, "Ja", "Ja"),
    ("tillganglig-vard", "gnv-person-och-relation",
     "God och nära vård: Delperspektiv Från fokus på organisation till fokus på person och relation "
     "(Ja/delvis/nej). Kluster som bedöms utifrån två parametrar.",
     NY_2024, NY_2024, "Ja", "Ja"),
    ("saker-vard", "hse-overgripande-index",
     "Hållbart säkerhetsengagemang (HSE) övergripande index",
     "75", "77", "Högre än 75", "Högre än 75"),
    ("saker-vard", "patientsakerhetsberattelse-primarvard",
     "Andel verksamheter med upprättad patientsäkerhetsberättelse, primärvård",
     "100 %", "100 %", "100 %", "100 %"),  # source: 100%, 100 %, 100 %, 100%
    ("attraktiva-arbetsplatser", "hme-totalindex",
     "Hållbart medarbetarengagemang (HME), totalindex",
     "RVN 77 RLF 74", "RVN 78 RLF 77", BIBEHALLA, BIBEHALLA),
    ("attraktiva-arbetsplatser", "hme-motivation",
     "Hållbart medarbetarengagemang (HME), Delindex Motivation",
     "RVN 79 RLF 75", "RVN 80 RLF 77", BIBEHALLA, BIBEHALLA),
    ("attraktiva-arbetsplatser", "hme-ledarskap",
     "Hållbart medarbetarengagemang (HME), Delindex Ledarskap",
     "RVN 80 RLF 77", "RVN 81 RLF 81", BIBEHALLA, BIBEHALLA),
    ("attraktiva-arbetsplatser", "medarbetare-per-chef",
     "Goda förutsättningar för hållbart ledarskap: antal medarbetare per chef. Kluster (ja/delvis/nej), "
     "två bedömningsparametrar",
     NY_2025, NY_2025, "Ja", "Ja"),
    ("attraktiva-arbetsplatser", "yrken-med-karriarmodell",
     "Andel yrken med fastställd karriärmodell",
     NY_2025, NY_2025, "10 %", "50 %"),
    ("samarbete-innovation", "hme-styrning",
     "Hållbart medarbetarengagemang (HME), delindex Styrning",
     "RVN 72 RLF 69", "RVN 74 RLF 72", BIBEHALLA, BIBEHALLA),
    ("samarbete-innovation", "digital-mognad",
     "Digital mognad",
     "39 %", "(40 % 2024)", BIBEHALLA, "Öka"),
    ("samarbete-innovation", "total-energianvandning",
     "Total energianvändning (fastighets- och verksamhetsenergi)",
     "", "68 580 MWh", "2 % årlig genomsnittlig minskning", "2 % årlig genomsnittlig minskning"),
    ("samarbete-innovation", "fornybar-egenproducerad-el",
     "Andel förnybar egenproducerad el av den totala elanvändningen",
     "", "2,2 %", "Öka med 0,5 % per år", "Öka med 0,5 % per år"),
]

# (goal, indicator id, name)
QUALITATIVE = [
    ("folkhalsa", "samverkan-halsam",
     "Samverkan sker genom HälSam i enlighet med dess syfte och mål (ja/delvis/nej)."),
    ("folkhalsa", "samverkan-programmet-gnv",
     "Samverkan inom ramen för Programmet God och nära vård har utvecklats i enlighet med syfte och mål (ja/delvis/nej)."),
    ("folkhalsa", "horisontella-perspektiv",
     "Horisontella perspektiv beaktas när beslutsunderlag tas fram (ja/delvis/nej)"),
    ("attraktiva-arbetsplatser", "starkt-kompetensforsorjning",
     "Stärkt kompetensförsörjning - regionövergripande utveckling. (Ja/delvis/nej). Kluster som bedöms utifrån fem parametrar."),
    ("samarbete-innovation", "civil-beredskap-utveckling",
     "Civil beredskap, fortsatt utveckling enligt plan (ja/delvis/nej). Kluster som bedöms utifrån två parametrar."),
    ("samarbete-innovation", "miljokrav-sociala-krav-upphandlingar",
     "Miljökrav och sociala krav ställs och följs upp vid prioriterade upphandlingar (ja/delvis/nej)."),
]

# Words the source sets in italics inside indicator names.
INDICATOR_ITALICS = {
    "gnv-reaktiv-till-proaktiv": "Från reaktiv - till proaktiv och hälsofrämjande. (Ja/delvis/nej). Kluster som bedöms utifrån två parametrar.",
    "gnv-samordning-personens-fokus": "Från isolerade vård- och omsorgsinsatser till samordning utifrån personens fokus.",
    "gnv-aktiva-medskapare": "Från patienter som passiva mottagare till aktiva medskapare",
    "gnv-person-och-relation": "Från fokus på organisation till fokus på person och relation",
    "hme-motivation": "Motivation",
    "hme-ledarskap": "Ledarskap",
    "hme-styrning": "Styrning",
    "civil-beredskap-utveckling": "ja/delvis/nej",
    "miljokrav-sociala-krav-upphandlingar": "ja/delvis/nej",
}

# Rows whose outcomes are per organisation (RVN, RLF): id → ((RVN, RLF) 2022, (RVN, RLF) 2023)
HME_SERIES = {
    "hme-totalindex": (("77", "74"), ("78", "77")),
    "hme-motivation": (("79", "75"), ("80", "77")),
    "hme-ledarskap": (("80", "77"), ("81", "81")),
    "hme-styrning": (("72", "69"), ("74", "72")),
}

LEDA = "Utifrån regionstyrelsens ansvar att leda och samordna regionens angelägenheter ska regionstyrelsen:"
NAMND = "Utifrån regionstyrelsens roll som nämnd för regionledningsförvaltningen ska regionstyrelsen:"

# Every "… ska regionstyrelsen:" list, per goal, in the source's order (42 bullets in 12 lists).
COMMITMENTS = {
    "hallbar-samhallsutveckling": [
        (LEDA, [
            "Tillse att det senast 2026 börjar redovisas indikatorer, som ger en samlad bild av regionens bidrag och förflyttning vad avser den regionala utvecklingsstrategin (RUS).",
            "Bevaka och stödja att samverkan med civilsamhället fortsätter utvecklas, vad gäller kris- och beredskapsarbete. Se även målområde 3.",
            "Bevaka och stödja att det sker en sammanhållen planering i regionen, kopplat till etableringsfrämjande insatser. Exempelvis avses dimensionering av välfärdsservice.",
        ]),
        (NAMND, [
            "Tillse att utvecklingen av processen kring ägarstyrning slutförs och implementeras under 2025. Här ingår att systematiskt följa resultaten i de verksamheter som drivs i annan association än förvaltning.",
            "Tillse och bevaka att det sker en samordning mellan nämnderna, samt ur ett länsperspektiv, vad avser kompetensförsörjning. Se även avsnitt 1.3.",
        ]),
    ],
    "folkhalsa": [
        (LEDA, [
            "Följa hur regionen medverkar till omställningen mot God och nära vård. Styrelsen ska senast 2026 börja redovisa, analysera och agera på indikatorer, som ger en samlad bild av regionens bidrag och förflyttning vad avser Målbilden för God och nära vård.",
            "Följa hur de kvalitetsparametrar, som har bäring på folkhälsans förutsättningar, utvecklas i kvalitetsregistret Primärvårdskvalitet och agera utifrån deras utfall.",
            "Följa upp att arbetet i den politiska samverkansorganisationen HälSam fungerar i enlighet med sitt syfte.",
            "Säkerställa att en gemensam folkhälsostrategi tas fram för att ge stöd och inriktning för den fortsatta utvecklingen av folkhälsoarbetet internt inom Region Västernorrland.",
        ]),
        (NAMND, [
            "Under 2025 se till att arbetet utifrån det konkretiserade samordningsuppdraget för etiska frågor kommer till stånd.",
        ]),
    ],
    "tillganglig-vard": [
        (LEDA, [
            "Följa och analysera hur samverkan inom samägda processer inom programmet för God och nära vård utvecklas. I detta ligger också att följa vissa beslutade strategiska insatser.",
            "Under 2025 tillse att arbetet med en länsgemensam utvecklingsplan för primärvården påbörjas. Detta i samarbete med hälso- och sjukvårdsnämnden, länets kommuner samt övriga huvudmän för primärvård.",
            "Verka för fortsatta ekonomiska satsningar på primärvården under planperioden.",
        ]),
        (NAMND, [
            "Tillse och följa upp att samtliga verksamheter i Region Västernorrland får ett fullgott stöd för sin kompetensförsörjning samt för systematiskt arbetsmiljöarbete (SAM).",
            "Tillse och följa upp att vidareutveckling av nya arbetssätt, som möter den förändring som God och nära vård innebär, får ett kvalificerat stöd. Hit hör exempelvis digitalisering och utveckling av personcentrerad vård.",
        ]),
    ],
    "saker-vard": [
        (LEDA, [
            "Ta del av och medverka i samanalyser som rör patientsäkerhet, kunskapsstyrning och deras samband med arbetsmiljö.",
        ]),
        (NAMND, [
            "I rollen som beställare av primärvård, samt i dialog med övriga nämnder i Region Västernorrland, efterfråga hur patientsäkerhetsarbetet ges förutsättningar att vara en naturlig del i medarbetarnas vardag.",
            "Säkerställa att barn- och ungdomsvård enligt valfrihetssystemet omfattar åldrarna 3-19 år i enlighet med den nationella förändringen från 1 jan 2025.",
        ]),
    ],
    "attraktiva-arbetsplatser": [
        (LEDA, [
            "Bevaka och analysera hur medarbetarskap och ledarskap fortsätter att utvecklas i Region Västernorrland, utifrån ett tydligt samverkans- och samarbetsfokus.",
            "Fortsatt verka för att regionen uppfattas som en modern och attraktiv arbetsplats, genom att efterlysa förenklade och mer effektiva arbetsätt som underlättar medarbetarnas vardag.",
            "Bevaka hur en god akademisk miljö och förutsättningar för forskning utvecklas, ur både ett kompetensförsörjnings- och verksamhetsutvecklingsperspektiv.",
            "Tillse att proaktiva insatser i kompetensförsörjningsarbetet genomförs, utvärderas och får effekt.",
            "Säkerställa att Region Västernorrlands kompetensförsörjningsarbete sker utifrån samordning med länets kommuner.",
            "Under 2025 särskilt bevaka att primärvården erbjuder goda möjligheter för verksamhetsförlagd utbildning och handledning för vårdräkten.",
        ]),
        (NAMND, [
            "Med uppmärksamhet följa hur kompetensbehoven utvecklas inom de verksamheter som regionstyrelsen ansvarar för. Utifrån detta planera, genomföra och utvärdera kompetensväxling.",
        ]),
    ],
    "samarbete-innovation": [
        (LEDA, [
            "Säkerställa att Regionala utvecklingsnämnden under 2025 tar fram ett förslag på strategi för miljö, energi och klimat för Region Västernorrland.",
            "Säkerställa arbetet för att på sikt nå en ekonomi i balans i linje med de långsiktiga kravnivåerna – en god ekonomisk hushållning i verksamheterna.",
            "Säkerställa hantering, matchning och förvaltning av möjliga utvecklingsmedel (regiongemensam nivå).",
            "Beställa uppföljning av regionens nya digitaliseringsstrategi⁷, så att den implementeras och så att den får effekt.",
            "Under 2025 utreda hur medarbetarenkäten kan utvecklas för att fånga hur digitala verktyg/arbetsätt medverkar till en smidigare arbetsvardag för medarbetarna.",
            "Under 2025 säkerställa såväl strategiska resurser som utföranderesurser för vaccinationer",
            "Under 2025-2026 utreda hur regionstyrelsen med stöd av smittskyddsläkaren kan styra och samordna arbetet med vaccinationer, kopplat till förhållningssätt avseende Folkhälsomyndighetens rekommendationer",
            "Säkerställa att utvecklingen inom regionens övergripande arbete med civil beredskap, dataskydd och informationssäkerhetsarbete, fortgår och får effekt. Samverkan mellan regionerna ska särskilt beaktas.",
            # split by a page break and footnote 7 in the source: one bullet
            "Löpande följa upp arbetet med effektivisering av administration i hela organisationen enligt tidigare beslut. Under 2026 utreda hur mekanismer för kontinuerlig effektivisering kan komma på plats, när den nuvarande kraftsamlingen slutförts. Från och med 2026 säkerställa att uppföljning av aktiv inköpsstyrning; styrning mot avtal och ett standardiserat sortiment är fullt ut implementerat.",
            "Under 2025-2026 säkerställa fortsatt utveckling av investeringsprocessen, inkluderat de finansiella planeringsprocesserna i såväl regionplan, budget som prognos.",
            "Säkerställa utveckling av processer som rör lokalförsörjning.",
            "Säkerställa tillräcklig planering och kapacitet i regionen vid extraordinära händelser – löpande anpassat till aktuella riskområden.",
            # the source's empty last bullet ("- ") is not a commitment
        ]),
        (NAMND, [
            "Tillse ökad styrbarhet inom regionstyrelsens verksamheter, genom att beställa fortsatt förenkling, förnyelse och förbättring.",
            "Under 2025 ta fram en fastighetsstrategi samt en fastighetsutvecklingsplan. Styrningen ska präglas av helhetssyn på fastighetsprocesserna, samt ta hänsyn till den pågående sjukhusstrukturutredningen.",
            "När strategi för miljö, energi och klimat finns på plats, uppdatera regionstyrelsens indikatorer utifrån den.",
            "Under 2025 ta fram och börja redovisa indikatorer på området civil beredskaps ökade förmåga, till exempel hur många verksamheter som genomgått en övning.",
            "Under 2025 och kopplat till omorganisationen av regionledningsförvaltningen beställa precisering av hur styrningen av stöd och service ska ske, genom att en tjänstekatalog tas fram.",
        ]),
    ],
}

# Phrases the source sets in bold inside the commitment bullets, per goal, in order.
COMMITMENT_BOLD = {
    "hallbar-samhallsutveckling": ["regionala utvecklingsstrategin", "samverkan med civilsamhället",
                                   "sammanhållen planering", "ägarstyrning", "kompetensförsörjning"],
    "folkhalsa": ["samlad bild av regionens bidrag", "folkhälsans förutsättningar", "HälSam",
                  "gemensam folkhälsostrategi", "för etiska frågor"],
    "tillganglig-vard": ["samverkan inom samägda processer", "länsgemensam utvecklingsplan för primärvården",
                         "ekonomiska satsningar på primärvården", "kompetensförsörjning",
                         "systematiskt arbetsmiljöarbete (SAM)", "vidareutveckling av nya arbetssätt"],
    "saker-vard": ["patientsäkerhetsarbetet"],
    "attraktiva-arbetsplatser": ["medarbetarskap och ledarskap", "attraktiv arbetsplats", "akademisk miljö",
                                 "forskning", "kompetensförsörjningsarbetet",
                                 "utifrån samordning med länets kommuner",
                                 "verksamhetsförlagd utbildning och handledning", "kompetensväxling"],
    "samarbete-innovation": ["strategi för miljö, energi och klimat", "ekonomi i balans", "utvecklingsmedel",
                             "digitaliseringsstrategi", "digitala verktyg/arbetsätt", "civil beredskap",
                             "effektivisering av administration", "ökad styrbarhet", "fastighetsstrategi",
                             "fastighetsutvecklingsplan", "strategi för miljö, energi och klimat",
                             "tjänstekatalog"],
}

LEGAL_ENTITIES = [
    ("Norra sjukvårdsregionförbundet", "Kommunalförbund"),
    ("Inera AB", "Aktiebolag"),
    ("LÖF Landstingens ömsesidiga försäkringsbolag", "Ömsesidigt försäkringsbolag"),
    ("SKR, Sveriges kommuner och regioner", "Ideell förening"),
    ("Norrlandsförbundet", "Ideell förening"),
]

BUDGET_CAPTION = "Resursramar, miljoner kr"
BUDGET_COLUMNS = ["Budget 2024", "Budget 2025", "Budget 2026", "Budget 2027"]
# (row name as shown, varav?, footnote marker or None, values)
BUDGET_ROWS = [
    ("Regionstyrelsen", False, None, ["2 259", "2 365", "2 391", "2 455"]),
    ("varav primärvård", True, "1", ["1 582", "1 696", "1 760", "1 818"]),
    ("varav tandvård", True, "2", ["228", "236", "240", "247"]),
    ("varav regionledningsförvaltningen", True, "3", ["449", "432", "391", "391"]),
]
BUDGET_FOOTNOTES = {
    "1": "Anslaget omfattar samtliga medel för primärvård i Västernorrland. Produktionsansvaret för den "
         "Regiondrivna Primärvården ligger i närsjukvårdsområdena inom Hälso- och sjukvårdsnämnden.",
    "2": "Produktionsansvaret för folktandvården ligger inom Hälso- och sjukvårdsnämnden.",
    "3": "Här ingår, förutom politisk- och tjänstemannaledning, även allmänna servicefunktioner. "
         "Servicefunktionerna utgör resultatenheter med intäktsfinansiering",
}

# The document's own footnotes, and the text right before each reference mark.
FOOTNOTES = {
    1: ("Diarienummer 24RS64-3", "regionfullmäktiges regionplan 2025-2027¹ samt andra styrande dokument"),
    2: ("Fastställt av regionfullmäktige 2022-11-30, styrdokument nr 371678", "som är fastställt i regionfullmäktige²."),
    3: ("Lag (208:962) om valfrihetssystem", "enligt Lagen om valfrihetssystem³."),
    4: ("HälSam omfattar hälso- och sjukvård, socialtjänst och skola och är ett forum för politisk dialog och "
        "beredning inför huvudmännens beslut i frågor som kräver samråd och samsyn. Syfte: att bättre möta nya "
        "utmaningar och bredare samverkan i enlighet med utvecklingen av God och nära vård. Mål: att samverkan "
        "aktivt ska bidra till utvecklingen av tidiga, sammanhållna, tillgängliga och personcentrerade insatser "
        "för barn och unga, vuxna och äldre.",
        "som till exempel HälSam⁴."),
    5: ("Regionstyrelsen 2024-09-11 § 186.", "regionala utvecklingsnämnden är huvudaktörer⁵."),
    6: ("Se Sveriges Kommuner och Regioners hemsida, skr.se", "Nationella indikatorer för nära vård har tagits fram⁶, och"),
    7: ("Strategin planeras tillställas regionfullmäktige i oktober 2024.", "regionens nya digitaliseringsstrategi⁷, så att"),
}

RISKS = [
    "Sambandet mellan effektivisering och måluppfyllelse. En omfattande effektivisering av administration i "
    "Region Västernorrland har påbörjats. Arbetet bör bedrivas på ett sådant sätt att negativ påverkan på "
    "verksamhetskritiska processer undviks så långt möjligt. Men det kan leda till att ambitions- och målnivåer "
    "kan behöva revideras.",
    "Effektivisering kräver verksamhetsutveckling i betydelsen att utveckla och implementera nya sätt att arbeta "
    "samtidigt som vissa uppgifter och arbetssätt ska fasas ut. Förmåga till omställning på organisationsnivå är viktig.",
    "Kompetensförsörjning som strategisk fråga. Om Region Västernorrlands och länets behov av "
    "kompetensförsörjning, kompetensutveckling och kompetensväxling inte kan tillgodoses, finns en mycket stor "
    "risk att centrala uppgifter inte kan fullgöras.",
    "Civil beredskap får allt högre prioritet och en förstärkning av området pågår. Fortsatt uppbyggnad av "
    "förmågor och kompetens behöver säkras för att motsvara kraven.",
    "Välfärdsbrottslighet, korruption och jäv utgör risker i all offentlig verksamhet och så även i Region "
    "Västernorrland. Det behöver finnas förhållningssätt och mekanismer som minskar riskerna.",
]
RISK_TITLES = [  # italic in the source
    "Sambandet mellan effektivisering och måluppfyllelse.",
    "Effektivisering kräver verksamhetsutveckling",
    "Kompetensförsörjning som strategisk fråga.",
    "Civil beredskap",
    "Välfärdsbrottslighet, korruption och jäv",
]

ANNEXES = [
    ("bilaga-1", "Bilaga 1: Förteckning över samtliga indikatorer", [
        "Motivering till varför varje indikator valts",
        "Vägledning i hur indikatorns utfall kan tolkas",
        "Bedömningsgrunder för kvalitativa indikatorer, där utfallet beskrivs som ”Ja”, ”Nej” eller ”Delvis”.",
        "Källor",
        "Se separat dokument",
    ]),
    ("bilaga-2", "Bilaga 2: Beskrivning av regionstyrelsens uppsiktsplikt", [
        "Beskrivning av olika perspektiv, återkommande tidssatta händelser samt de verktyg/strukturer och "
        "mötesforum som regionstyrelsen har till sitt förfogande.",
        "Se separat dokument, bilagan ingår ej i beslutsunderlaget",
    ]),
    ("bilaga-3", "Bilaga 3: Beskrivning av operativt ansvar för regionstyrelsens uppdrag och ansvarsuppgifter", [
        "Beskrivning av hur regionledningsförvaltningen stöttar regionstyrelsen i verkställighet avseende "
        "styrelsens ansvar och uppgifter enligt reglementet",
        "Organisationsskiss giltig från 2025-01-01",
        "Separat dokument, bilagan ingår ej i beslutsunderlaget.",
        "Verksamhetsplanen kompletteras med denna bilaga senast i januari 2025",
    ]),
]

# Distinctive sentences from every chapter, start to end of the source.
NARRATIVE = [
    # 1 Inledning
    "Regionstyrelsens verksamhetsplan bygger på regionfullmäktiges regionplan 2025-2027¹ samt andra styrande dokument.",
    "I regionplanen finns långsiktiga målområden, specifika mål och ekonomiska mål.",
    "Här finns också indikatorer, som visar hur framdriften kommer att bedömas och följas upp.",
    "Där beskrivs också bedömningsgrunder för kvalitativa indikatorer, där utfallet beskrivs som ”Ja”, ”Nej” eller ”Delvis”.",
    "Verksamhetsplanen upprättas för tre år, det vill säga med samma tidshorisont som regionplanen.",
    "Den följs upp bland annat i delårs- och årsrapport.",
    # 1.1
    "Regionstyrelsen har två huvudsakliga roller:",
    "Att leda och samordna förvaltningen av Region Västernorrlands angelägenheter och ha uppsikt över övriga nämnders verksamhet.",
    "Att vara nämnd för ett antal olika verksamheter i regionens förvaltningsorganisation.",
    "Är högsta beredande organ inför beslut i regionfullmäktige, och ansvarar sedan för att fullmäktiges beslut verkställs och att de uppdrag som fullmäktige har överlämnat fullgörs.",
    "Är beställarnämnd av vård- och hälsocentraler i primärvård, och barn- och ungdomstandvården enligt Lagen om valfrihetssystem³.",
    "Regionstyrelsen är nämnd för regionledningsförvaltningen, som genomför ett antal uppdrag utifrån regionstyrelsens åtaganden i reglementet. Se vidare bilaga 3 (separat dokument).",
    "Regionledningsförvaltningen upprättar en verksamhetsplan, som utgår från regionstyrelsens verksamhetsplan och konkretiserar den i form av aktiviteter som ska ske under året.",
    # 1.2
    "Regionstyrelsens uppsikt syftar till att garantera",
    "att nämnder och styrelser bedriver verksamheten i enlighet med regionfullmäktiges mål och riktlinjer,",
    "att lagar och förordningar efterlevs, samt",
    "att den ekonomiska förvaltningen är effektiv och säker.",
    "Regionstyrelsens planerade uppsikt över nämnderna beskrivs närmare i bilaga 2 (separat dokument), där bland annat internkontroll lyfts som ett av perspektiven.",
    "Avseende ägarstyrningen finns fastställda styrdokument och tillämpningsanvisningar.",
    "I tabellen nedan finns de juridiska personer som regionstyrelsen enligt Förteckning över bolag, stiftelser, föreningar och förbund (dokumentnr 578790) har nämndsansvar över.",
    # 1.3
    "Regionstyrelsens plan utgår främst från regionplanen - men också från andra, internt upprättade relaterade styrdokument.",
    "Hit hör Regional utvecklingsstrategi för Västernorrland 2020-2030, den med kommunerna i Västernorrland gemensamma Målbild för God och nära vård 2030 samt målbilden Hälso- och sjukvårdens utveckling i Region Västernorrland (-2030).",
    "Regionstyrelsen har genom sin roll möjligheten - och skyldigheten - att förmedla och bevaka helhetssyn, samarbete och samsyn i organisationen Region Västernorrland, och i länet Västernorrland, när vi griper oss an utmaningarna.",
    "Regionstyrelsen ser ett stärkt invånarperspektiv - genom dialog och medskapande med invånare och olika aktörer i samhället - som viktigt för att möta framtidens utmaningar och göra den kulturförflyttning som krävs.",
    "Därför står mycket av regionstyrelsens inriktning fast från den förra verksamhetsplanen.",
    "Regionen fortsätter den sedan tidigare beslutade satsningen på ett kompetensförsörjningspaket, som består av flera delar. Det är viktigt att åtagandena fullföljs.",
    "Vid planperiodens slut vill styrelsen se tydliga effekter av satsningen. Se vidare avsnitt 2.",
    "För att åstadkomma detta, trots de utmaningar som finns, pågår en rad samlade åtgärder – exempelvis effektivisering av administration och utveckling av inköps- och investeringsprocesserna.",
    "Vid planperiodens slut vill styrelsen se att de åtgärder som vidtagits har fått effekt, så att Region Västernorrlands ekonomiska förutsättningar klart förbättrats. Se vidare avsnitt 3.",
    "Regionfullmäktige har beslutat om ett regionövergripande omställningsarbete med arbetsnamnet Effektiv administration.",
    "I hela Region Västernorrland pågår åtgärder som fram till 2027 ska sänka de årliga kostnaderna för administration med 250 miljoner.",
    "Löpande uppföljning sker i regionstyrelsens finansutskott.",
    "Vid planperiodens slut vill styrelsen se att åtgärderna genomförts och fått effekt.",
    "Förflyttningen mot en God och nära vård står i centrum för mycket av den omställning av Sveriges hälso- och sjukvård som just nu sker.",
    "Vid planperiodens slut vill styrelsen se att förflyttningen mot en God och nära vård har en god framdrift och att den har gett effekt. Se vidare avsnitt 2.",
    # 2 Målområden
    "I det här kapitlet beskriver regionstyrelsen hur den, utifrån sina ansvarsområden och uppgifter, avser bidra till att regionfullmäktiges mål nås.",
    "Läsanvisning:",
    "Underrubrikerna i kapitlet, Målområden och Mål, är hämtade från regionplanen.",
    "För vart och ett av målen anger regionstyrelsen relevanta indikatorer och önskade målvärden/utfall, för att beskriva ambition och framdrift i riktning mot regionplanens mål.",
    "Dessutom beskrivs särskilda uppdrag och önskade resultat i brödtext, för att ytterligare tydliggöra regionstyrelsens beställning och styrning framåt.",
    "Här nedan anges endast indikatorernas rubrik och utfall. I bilaga 1 finns en utförligare beskrivning av indikatorerna, motivering till varför de valts, källor, hur de följs upp/mäts, samt vägledning i hur utfall kan tolkas.",
    # 2.1.1
    "Region Västernorrland har det statliga regionala utvecklingsansvaret i länet.",
    "Där ingår att ta fram, genomföra och följa upp den regionala utvecklingsstrategin Ett Västernorrland 2020-2030 (RUS).",
    "Regionstyrelsens ordförande leder det regionala samverkansrådet, varför indikatorn ovan valts. Se vidare bilaga 1.",
    # 2.1.2
    "Att främja god folkhälsa är ett brett samhällsansvar.",
    "Därför är samverkan med kommuner och civilsamhälle viktigt; såväl i vardagsarbetet som i särskilda samverkansgrupper som till exempel HälSam⁴.",
    "Samordningsansvaret för folkhälsofrågor i Region Västernorrland åvilar regionala utvecklingsnämnden, samtidigt som regionstyrelsen i egenskap av bland annat beställare av primärvård och viss tandvård ger förutsättningarna.",
    "Regionstyrelsen har beslutat att en gemensam folkhälsostrategi ska utarbetas, där hälso- och sjukvården tillsammans med regionala utvecklingsnämnden är huvudaktörer⁵.",
    # 2.2.1
    "En god tillgänglighet till hälso- och sjukvård samt tandvård är en förutsättning för god och jämlik hälsa.",
    "Regionplanen fokuserar i just det här målet på omställningen till God och nära vård.",
    "Dessutom lyfts vikten av kontinuitet i vården och förebyggande insatser, liksom att ge vård på rätt nivå.",
    "Regionstyrelsen kan stärka förutsättningarna för en God och nära vård på flera sätt, exempelvis genom att erbjuda hälso- och sjukvården ett bra verksamhetsstöd - inom områden som kompetensförsörjning, omställningsförmåga, digitalisering och ekonomi - samt genom sin roll som beställare av primärvård.",
    "I regionplanen fastslås att en länsgemensam utvecklingsplan för primärvården ska tas fram.",
    "De ekonomiska satsningarna på primärvården ska fortsätta.",
    "I regionplanen beskrivs att ambitionen är att Region Västernorrland ska verka för att minska antalet listade patienter per allmänspecialist i primärvården, till 1 100 sett över tid.",
    "Nationella indikatorer för nära vård har tagits fram⁶, och regionstyrelsens indikatorer är valda med hänsyn till dessa.",
    # 2.2.2
    "God och jämlik vård förutsätter en god följsamhet till nationella riktlinjer.",
    "Kunskapsstyrning, patientsäkerhet och medarbetarnas arbetsmiljö hänger samman.",
    "Detta dels utifrån sitt övergripande arbetsgivaransvar, men också utifrån sitt övergripande samordnings- och uppsiktsansvar över verksamheterna.",
    # 2.3.1
    "Region Västernorrland ska vara en modern och attraktiv arbetsgivare, och kompetensförsörjning är en nyckelfråga för att regionen ska klara sina grunduppdrag nu och i framtiden.",
    "Det är viktigt att samordning sker också med länets kommuner, för att främja hela länets utveckling och tillväxt.",
    # split by a page break in the source: one sentence
    "Hit hör möjligheterna inom primärvården till verksamhetsförlagd utbildning (VFU) och handledning för vårdräkten.",
    "Även betydelsen av att samverka med andra regioner när det gäller hyrpersonal är viktig att tydliggöra.",
    "I enkäten ingår indexet Hållbart Medarbetarengagemang (HME), som har påvisats samvariera med verksamhetens kvalitet.",
    "Systematiskt arbetsmiljöarbete (SAM) ger regionen möjlighet att skapa delaktighet och kontinuerligt utveckla och förbättra arbetsmiljön.",
    "SAM ska utgöra en naturlig del av vardagen och ledarskapet.",
    # 2.3.2
    "Det pågår en rad strategiska omställnings- och utvecklingsarbeten i Region Västernorrland, som syftar till att förbättra styrningen och skapa större följsamhet mot strategiska beslut och styrdokument.",
    "Det handlar exempelvis om effektivare administration, höjd civil beredskap och verksamhetsutveckling genom digitalisering.",
    "Smittskydd spelar en viktig roll i folkhälsoarbetet, bland annat kopplat till arbetet med vaccinationer.",
    # 3 Ekonomi
    "Grunden för verksamheten inom Region Västernorrland är det som i kommunallagen benämns ”God ekonomisk hushållning”.",
    "Samtidigt värdesäkras inte de generella statsbidragen.",
    "Tillfälliga tillskott, som de till hälso- och sjukvården riktade sektorsbidragen har till viss del kompensert för de extrema pensionskostnader som den höga inflationen inneburit.",
    "Ökad osäkerhet kring den framtida befolkningsutvecklingen i såväl negativ som positiv (till följd av industrisatsningar) riktning spär ytterligare på dessa krav.",
    "En resultatnivå på minst 200 miljoner kronor i snitt krävs fortsatt för att säkerställa generationsfrågan i finansieringen av dagens verksamhet och för att kunna återställa det egna kapitalet på 15–20 års sikt (inklusive ansvarsförbindelse för pensioner intjänade före 1998).",
    "För detta krävs en mer flexibel resursfördelningsmodell, vilken för närvarande är under utarbetande.",
    # 3.1
    "Region Västernorrlands övergripande finansiella mål är en ekonomi i balans över tid.",
    "I botten måste alltid ligga en strävan mot en ökad effektivitet, att göra rätt saker rätt.",
    "Förmågan att arbeta utifrån olika planeringsförutsättningar (scenariohantering) såväl som en längre planeringshorisont måste också utvecklas.",
    "En förbättrad ekonomisk styrning av regionstyrelsens verksamheter nås genom att standardisera, förenkla, förnya och förbättra processer.",
    # 3.2
    "De ekonomiska ramarna för budget 2025 och plan 2026–2027 utgår från ekonomiska planeringsförutsättningar som beslutades av regionfullmäktige i juni 2024 samt beslutade omdispositioner och tilläggsbudgetar.",
    "bygger på en beräknad kostnadsutveckling enligt Sveriges Kommuner och Regioner (SKR) med 3,5 procent för år 2025 och 3,1 procent för år 2026-2027.",
    "Under åren 2026-2027 kommer åtgärder för att reducera kostnadsbasen inom hälso- och sjukvården och åtgärder kopplade till åtgärdsprogrammet Effektivare administration att succesivt få fullt genomslag i regionens ekonomi.",
    "De resursramar som regionstyrelsen olika delar har att förhålla sig till framgår nedan.",
    "Omfördelning kan ske vid ändrade uppdrag och förutsättningar.",
    "I ramen för regionledningsförvaltningen ingår en positiv nettoeffekt av aktiviteter inom ramen för åtgärdsprogrammet Effektivare administration motsvarande 15 mnkr 2025.",
    "I resursramarna ingår;",
    "Förväntade ökning av personalkostnader och beräknad inflation upp till 3,5 procent år 2025 och med 3,1 procent per år för 2026-2027",
    "IT-plan 84,5 mnkr",
    "Färre medarbetare per chef 15 mnkr",
    "Utökad ram för barntandvården med 2,1 mnkr",
    "Utökad primärvårdsram med 40 mnkr (till följd minskat antal listade per läkare)",
    "Ytterligare utökad primärvårdsram med 12 mnkr (till följd av beslut om avgiftsfri pneumokock- och covidvaccination för utökade grupper)",
    "Avskrivningar och ränta på bundet kapital",
    "Ekonomi återspeglas kontinuerligt som en del i den löpande månads-, delårs- samt årsrapporteringen.",
    # 4
    "Regionstyrelsen kommer i december 2024 att fastställa sin internkontrollplan för 2025, där specifika områden för kontroller anges.",
    "Utifrån de mål, indikatorer och den ekonomiska ram som regionstyrelsens verksamhetsplan anger, kan nedanstående exempel på tänkbara risker och konsekvenser identifieras:",
    "Övergripande riskområden därutöver, kopplade till länets utveckling, består exempelvis om demografiska utmaningar, eventuella förändrade förutsättningar för regional tillväxt, folkhälsoläget i länet samt hållbarhets- och klimatfrågorna.",
]

# Lists in the economy chapter (3.2) "I resursramarna ingår;" — seven items.
RESURSRAM_ITEMS = NARRATIVE[NARRATIVE.index("I resursramarna ingår;") + 1:
                            NARRATIVE.index("Ekonomi återspeglas kontinuerligt som en del i den löpande månads-, delårs- samt årsrapporteringen.")]

ARTIFACTS = [
    "[bookmark", "_Toc", "<b>", "</b>", "<i>", "</i>", "<sup>", "</sup>", "image1", "Ordförandens sign",
    "Sida 2(", ".....", "**", "\\*", "Innehållsförteckning", "- varav", "&lt;", "&gt;",
]

# --------------------------------------------------------------------------- helpers

BLOCKS = ["p", "li", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "ul", "ol", "br"]


def inline_text(tag) -> str:
    """A tag's text as a reader sees it: inline markup joined without extra spaces,
    permalink and screen-reader helpers removed, block elements separated."""
    clone = BeautifulSoup(str(tag), "html.parser")
    for helper in clone.select(".op-permalink, .op-sr-only, .op-chart, a.headerlink"):
        helper.decompose()
    for block in clone.find_all(BLOCKS):
        block.insert_before(" ")
        block.insert_after(" ")
    return norm(clone.get_text())


@pytest.fixture(scope="module")
def article(site):
    return site.content(URL)


@pytest.fixture(scope="module")
def reading_text(article) -> str:
    return inline_text(article)


def goal_section(site, goal: str) -> list:
    """The elements of a goal's chapter: from #mal-<goal> to the next heading."""
    heading = site.element(URL, f"mal-{goal}")
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3", "h4"):
            break
        elements.append(sibling)
    return elements


def commitments_of(site, goal: str) -> list[tuple[str, list[str]]]:
    lists = []
    for element in goal_section(site, goal):
        blocks = [element] if "op-commitments" in (element.get("class") or []) else element.select("div.op-commitments")
        for block in blocks:
            intro = block.select_one(".op-commitments-intro")
            items = [inline_text(li) for li in block.select("li")]
            lists.append((inline_text(intro) if intro else "", items))
    return lists


# --------------------------------------------------------------------------- 1. page, chapters, goals

def test_page_title_and_facts(site):
    page = site.page(URL)
    h1 = inline_text(site.content(URL).find("h1"))
    assert TITLE in h1, f"h1 {h1!r} lacks the title {TITLE!r}"
    assert "Regionstyrelsen" in h1
    facts = inline_text(site.content(URL).select_one("dl.op-facts"))
    assert "Regionstyrelsen" in facts and "Region Västernorrland" in facts
    assert "2025–2027" in facts, f"period 2025–2027 missing from {facts!r}"
    assert page.title is not None and TITLE in page.title.get_text()


@pytest.mark.parametrize("anchor, heading", CHAPTERS, ids=[c[0] for c in CHAPTERS])
def test_chapter_heading(site, anchor, heading):
    element = site.element(URL, anchor)
    assert element.name in ("h2", "h3"), f"#{anchor} is a <{element.name}>, not a heading"
    assert inline_text(element) == heading


def test_chapter_levels(site):
    for anchor, heading in CHAPTERS:
        level = "h2" if "." not in heading.split()[0] else "h3"
        assert site.element(URL, anchor).name == level, f"{heading!r} should be an {level}"


@pytest.mark.parametrize("subheading", SUBHEADINGS)
def test_subheadings_in_inriktning(site, subheading):
    section = site.element(URL, "kapitel-inriktning-for-planperioden")
    texts = []
    for sibling in section.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        if "op-subheading" in (sibling.get("class") or []):
            texts.append(inline_text(sibling))
    assert subheading in texts, f"sub-heading {subheading!r} not in 1.3: {texts}"


@pytest.mark.parametrize("area, heading", GOAL_AREAS, ids=[a[0] for a in GOAL_AREAS])
def test_goal_area_heading(site, area, heading):
    element = site.element(URL, f"malomrade-{area}")
    assert element.name == "h3"
    assert inline_text(element) == heading


@pytest.mark.parametrize("goal", list(GOALS))
def test_goal_heading(site, goal):
    area, heading = GOALS[goal]
    element = site.element(URL, f"mal-{goal}")
    assert element.name == "h4", f"#mal-{goal} is a <{element.name}>"
    assert inline_text(element) == heading
    previous_area = element.find_previous("h3")
    assert previous_area.get("id") == f"malomrade-{area}", \
        f"goal {goal} is under {previous_area.get('id')}, expected malomrade-{area}"


@pytest.mark.parametrize("goal", list(GOALS))
def test_goal_links_to_region_plan_goal(site, goal):
    serves = [e for e in goal_section(site, goal) if "op-serves" in (e.get("class") or [])]
    assert serves, f"goal {goal} does not say which region-plan goal it serves"
    hrefs = [a["href"] for a in serves[0].find_all("a")]
    assert f"../../#mal-{goal}" in hrefs, hrefs


def test_goal_order(site):
    ids = [h["id"] for h in site.content(URL).select("h4[id^=mal-]")]
    assert ids == [f"mal-{g}" for g in GOALS]


# --------------------------------------------------------------------------- 2. indicators

def test_indicator_row_count(site):
    rows = site.content(URL).select("[id^=indikator-]")
    expected = len(QUANTITATIVE) + len(QUALITATIVE)
    ids = [r["id"] for r in rows]
    assert len(rows) == expected == 22, f"{len(rows)} indicator rows, expected {expected}: {ids}"
    assert len(set(ids)) == len(ids), "duplicate indicator anchors"


@pytest.mark.parametrize("goal, ident, name, u2022, u2023, m2025, m2027", QUANTITATIVE,
                         ids=[q[1] for q in QUANTITATIVE])
def test_quantitative_indicator(site, goal, ident, name, u2022, u2023, m2025, m2027):
    row = site.row(URL, f"indikator-{ident}")
    assert list(row) == QUANT_HEADERS, f"columns {list(row)}"
    first_cell = site.row_element(URL, f"indikator-{ident}").find(["th", "td"])
    assert inline_text(first_cell) == name
    expected = {"Utfall 2022": u2022, "Utfall 2023": u2023, "Målnivå 2025": m2025, "Målnivå 2027": m2027}
    actual = {column: row[column] for column in expected}
    assert actual == expected, f"{ident}: {actual} != {expected}"


@pytest.mark.parametrize("goal, ident, name", QUALITATIVE, ids=[q[1] for q in QUALITATIVE])
def test_qualitative_indicator(site, goal, ident, name):
    row = site.row(URL, f"indikator-{ident}")
    assert list(row) == QUAL_HEADERS, f"columns {list(row)}"
    tr = site.row_element(URL, f"indikator-{ident}")
    assert inline_text(tr.find(["th", "td"])) == name


# How the plan says its qualitative indicators are judged (source 1 Inledning and 2 Målområden,
# "Läsanvisning"): "… bedömningsgrunder för kvalitativa indikatorer, där utfallet beskrivs som
# ”Ja”, ”Nej” eller ”Delvis”."
QUALITATIVE_RULE = "utfallet beskrivs som ”Ja”, ”Nej” eller ”Delvis”"


def test_qualitative_tables_say_how_the_plan_judges_them(site):
    """The caption of each qualitative table gives the rule in the plan's own words."""
    tables = [t for t in site.content(URL).find_all("table")
              if t.select("[id^=indikator-]") and len(t.select("thead th")) == 1]
    assert len(tables) == 3, len(tables)
    for table in tables:
        caption = inline_text(table.find("caption"))
        assert caption.startswith("Indikatorer – kvalitativa"), caption
        assert caption.endswith(QUALITATIVE_RULE), caption
        assert "bedöms Ja, Delvis eller Nej" not in caption, caption


@pytest.mark.parametrize("goal", list(GOALS))
def test_indicators_under_their_goal(site, goal):
    expected = [q[1] for q in QUANTITATIVE if q[0] == goal] + [q[1] for q in QUALITATIVE if q[0] == goal]
    found = []
    for element in goal_section(site, goal):
        found += [tr["id"].removeprefix("indikator-") for tr in element.select("[id^=indikator-]")]
    assert found == expected, f"goal {goal}: indicators {found}, expected {expected}"


@pytest.mark.parametrize("goal", list(GOALS))
def test_indicator_tables_per_goal(site, goal):
    """Every goal has a quantitative table; 2.1.2, 2.3.1 and 2.3.2 also a qualitative one."""
    headers = []
    for element in goal_section(site, goal):
        for table in element.select("table") if element.name != "table" else [element]:
            headers.append(norm(table.select_one("thead th").get_text(" ")))
    expected = ["Indikator - kvantitativ"]
    if any(q[0] == goal for q in QUALITATIVE):
        expected.append("Indikator - kvalitativ")
    assert headers == expected, f"goal {goal}: tables {headers}"


@pytest.mark.parametrize("ident, italic", list(INDICATOR_ITALICS.items()), ids=list(INDICATOR_ITALICS))
def test_indicator_name_italics(site, ident, italic):
    cell = site.row_element(URL, f"indikator-{ident}").find(["th", "td"])
    ems = [inline_text(em) for em in cell.find_all("em")]
    assert italic in ems, f"{ident}: italic {italic!r} not kept, found {ems}"


@pytest.mark.parametrize("ident", list(HME_SERIES))
def test_hme_per_organisation_series(site, ident):
    tr = site.row_element(URL, f"indikator-{ident}")
    cells = tr.find_all("td")
    for year_index, (rvn, rlf) in enumerate(HME_SERIES[ident]):
        series = cells[year_index].select(".op-series")
        pairs = [(inline_text(s.select_one(".op-series-name")), inline_text(s.select_one(".op-number")))
                 for s in series]
        assert pairs == [("RVN", rvn), ("RLF", rlf)], f"{ident} outcome {2022 + year_index}: {pairs}"


def test_new_indicator_notes(site):
    """'Ny indikator 2024' / 'Ny indikator 2025' are notes, shown verbatim, not numbers."""
    for goal, ident, name, *values in QUANTITATIVE:
        cells = site.row_element(URL, f"indikator-{ident}").find_all("td")
        for cell, value in zip(cells, values):
            if value.startswith("Ny indikator"):
                assert cell.select_one(".op-note") is not None, f"{ident}: {value!r} not shown as a note"
                assert inline_text(cell) == value


def test_digital_mognad_note_and_energy(site):
    row = site.row(URL, "indikator-digital-mognad")
    assert row["Utfall 2023"] == "(40 % 2024)"
    assert row["Utfall 2022"] == "39 %"
    energy = site.row(URL, "indikator-total-energianvandning")
    assert energy["Utfall 2023"] == "68 580 MWh"
    assert energy["Utfall 2022"] == "", "the source's 2022 cell is empty"
    el = site.row(URL, "indikator-fornybar-egenproducerad-el")
    assert el["Utfall 2022"] == "" and el["Utfall 2023"] == "2,2 %"


# --------------------------------------------------------------------------- 3. commitments

def test_commitment_totals(site):
    blocks = site.content(URL).select("div.op-commitments")
    bullets = [li for block in blocks for li in block.select("li")]
    assert len(blocks) == 12, f"{len(blocks)} commitment lists, expected 12"
    assert len(bullets) == 42, f"{len(bullets)} commitment bullets, expected 42"
    assert sum(len(items) for lists in COMMITMENTS.values() for _, items in lists) == 42
    empty = [li for li in bullets if not inline_text(li)]
    assert not empty, "an empty commitment bullet is shown (the source's stray '- ')"


@pytest.mark.parametrize("goal", list(COMMITMENTS))
def test_commitments_of_goal(site, goal):
    actual = commitments_of(site, goal)
    expected = COMMITMENTS[goal]
    assert [intro for intro, _ in actual] == [intro for intro, _ in expected], f"goal {goal}: intros differ"
    for (intro, items), (_, expected_items) in zip(actual, expected):
        assert len(items) == len(expected_items), \
            f"goal {goal}, {intro!r}: {len(items)} bullets, expected {len(expected_items)}"
        for number, (item, expected_item) in enumerate(zip(items, expected_items), 1):
            assert item == expected_item, f"goal {goal}, {intro!r}, bullet {number}"


@pytest.mark.parametrize("goal", list(COMMITMENT_BOLD))
def test_commitment_emphasis(site, goal):
    bold = []
    for element in goal_section(site, goal):
        blocks = [element] if "op-commitments" in (element.get("class") or []) else element.select("div.op-commitments")
        for block in blocks:
            bold += [inline_text(strong) for strong in block.select("li strong")]
    assert bold == COMMITMENT_BOLD[goal]


def test_commitment_intros_bold(site):
    for block in site.content(URL).select("div.op-commitments"):
        intro = block.select_one(".op-commitments-intro")
        assert intro is not None and intro.find("strong") is not None, "commitment intro not set in bold"


# --------------------------------------------------------------------------- 4. tables

def test_legal_entities(site):
    tables = [t for t in site.content(URL).select("table")
              if [norm(th.get_text(" ")) for th in t.select("thead th")] == ["Namn", "Typ av juridisk person"]]
    assert len(tables) == 1, "no (single) table of legal entities with columns Namn / Typ av juridisk person"
    table = tables[0]
    grid, _ = table_grid(table)
    assert [tuple(r) for r in grid] == LEGAL_ENTITIES
    heading = table.find_previous(["h2", "h3"])
    assert heading.get("id") == "kapitel-agarstyrning-och-uppsiktsplikt", "legal entities outside 1.2"


def test_budget_table(site):
    wrapper = site.element(URL, "tabell-resursramar")
    table = wrapper.find("table")
    caption = inline_text(table.find("caption"))
    assert caption.startswith(BUDGET_CAPTION), caption
    assert "mnkr" in caption, f"the caption {caption!r} should state the unit"
    grid, headers = table_grid(table)
    assert headers[1:] == BUDGET_COLUMNS, headers
    assert len(grid) == len(BUDGET_ROWS) == 4, f"{len(grid)} rows"
    trs = table.select("tbody > tr")
    for tr, cells, (name, varav, marker, values) in zip(trs, grid, BUDGET_ROWS):
        head = BeautifulSoup(str(tr.find(["th", "td"])), "html.parser")  # a copy: the page stays intact
        sup = head.find("sup")
        shown_marker = inline_text(sup).rstrip(")") if sup else None
        if sup:
            sup.extract()
        assert inline_text(head) == name, f"row {name!r}: shown {inline_text(head)!r}"
        assert shown_marker == marker, f"row {name!r}: footnote marker {shown_marker!r}, expected {marker!r}"
        if marker:
            link = tr.find("a", href=True)
            assert link["href"] == f"#tabell-resursramar-fotnot-{marker}"
        assert cells[1:] == values, f"row {name!r}: {cells[1:]} != {values}"
        classes = tr.get("class") or []
        assert ("op-ofwhich" in classes) == varav, f"row {name!r}: varav marking {classes}"
    assert "op-bold" in (trs[0].get("class") or []), "the total row Regionstyrelsen is bold in the source"


@pytest.mark.parametrize("marker, text", list(BUDGET_FOOTNOTES.items()))
def test_budget_footnotes(site, marker, text):
    footnote = site.element(URL, f"tabell-resursramar-fotnot-{marker}")
    assert inline_text(footnote) == f"{marker}) {text}"
    assert footnote.find_parent(id="tabell-resursramar") is not None


def test_budget_footnote_count(site):
    notes = site.element(URL, "tabell-resursramar").select("[id^=tabell-resursramar-fotnot-]")
    assert len(notes) == 3


def test_resursram_list(site):
    heading = site.element(URL, "kapitel-ekonomiska-ramar")
    lists = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        if sibling.name == "ul":
            lists.append([inline_text(li) for li in sibling.find_all("li")])
    assert RESURSRAM_ITEMS in lists, f"'I resursramarna ingår;' list differs: {lists}"


# --------------------------------------------------------------------------- footnotes, risks, annexes

@pytest.mark.parametrize("number", list(FOOTNOTES))
def test_document_footnote(site, reading_text, number):
    text, reference = FOOTNOTES[number]
    footnote = site.element(URL, f"fotnot-{number}")
    assert inline_text(footnote) == f"{number} {text}"
    assert reference in reading_text, f"reference mark of footnote {number} missing: {reference!r}"


def test_document_footnote_count(site):
    notes = site.content(URL).select("[id^=fotnot-]")
    assert [n["id"] for n in notes] == [f"fotnot-{i}" for i in range(1, 8)]


def test_footnote_4_5_under_folkhalsa(site):
    ids = []
    for element in goal_section(site, "folkhalsa"):
        ids += [n["id"] for n in element.select("[id^=fotnot-]")]
    assert ids == ["fotnot-4", "fotnot-5"]


def test_risks(site):
    heading = site.element(URL, "kapitel-konsekvenser-och-riskbedomning")
    risk_list = heading.find_next("ul", class_="op-risks")
    assert risk_list is not None, "no risk list"
    items = risk_list.find_all("li", recursive=False)
    assert [inline_text(li) for li in items] == RISKS
    assert [inline_text(li.find("em")) for li in items] == RISK_TITLES, "risk titles not in italics"


@pytest.mark.parametrize("ident, name, points", ANNEXES, ids=[a[0] for a in ANNEXES])
def test_annex(site, ident, name, points):
    heading = site.element(URL, f"bilaga-{ident}")
    assert inline_text(heading) == name
    points_list = heading.find_next_sibling()
    assert points_list is not None and points_list.name == "ul", f"annex {ident} has no list of points"
    assert [inline_text(li) for li in points_list.find_all("li")] == points
    assert heading.find_previous("h2").get("id") == "kapitel-bilagor"


def test_annex_count(site):
    assert len(site.content(URL).select("[id^=bilaga-]")) == 3


# --------------------------------------------------------------------------- 5. narrative

@pytest.mark.parametrize("sentence", NARRATIVE, ids=[s[:50] for s in NARRATIVE])
def test_narrative(reading_text, sentence):
    assert sentence in reading_text, f"missing from the page: {sentence!r}"


def test_narrative_plain_page_text(site):
    """The fixture's own page text holds sentences without inline markup as well."""
    text = site.text(URL)
    for sentence in ["Regionen står inför stora utmaningar.",
                     "Uthållighet är viktigt i arbetet.",
                     "Smittskydd spelar en viktig roll i folkhälsoarbetet, bland annat kopplat till arbetet med vaccinationer.",
                     "Samtidigt värdesäkras inte de generella statsbidragen."]:
        assert sentence in text


def test_paragraph_split_by_page_break_is_joined(site):
    paragraphs = [inline_text(p) for p in site.content(URL).select("p")]
    assert any("verksamhetsförlagd utbildning (VFU) och handledning för vårdräkten. Även betydelsen" in p
               for p in paragraphs), "the paragraph split by a page break in 2.3.1 is not one paragraph"


# --------------------------------------------------------------------------- 6. artifacts

@pytest.mark.parametrize("artifact", ARTIFACTS)
def test_no_conversion_artifact(site, reading_text, artifact):
    assert artifact not in site.text(URL), f"conversion artifact {artifact!r} on the page"
    assert artifact not in reading_text, f"conversion artifact {artifact!r} on the page"


def test_no_page_break_rules_or_empty_items(site):
    article = site.content(URL)
    assert not article.find("hr"), "a page break (---) is shown as a rule"
    empty = [li for li in article.find_all("li") if not inline_text(li)]
    assert not empty, f"{len(empty)} empty list items"
    assert not re.search(r"\bSida \d+\(", site.text(URL))


# --------------------------------------------------------------------------- 7. region page

@pytest.mark.parametrize("goal", list(GOALS))
def test_region_goal_lists_both_boards(site, goal):
    element = site.element(REGION_URL, f"mal-{goal}")
    links = {a["href"]: inline_text(a) for a in element.select("ul a")}
    hsn = f"planer/{HSN_PLAN}/#mal-{goal}"
    rs = f"planer/{RS_PLAN}/#mal-{goal}"
    assert hsn in links, f"region goal {goal} does not list the HSN plan's goal: {links}"
    assert rs in links, f"region goal {goal} does not list the RS plan's goal: {links}"
    assert links[rs].startswith("Regionstyrelsen") and TITLE in links[rs], links[rs]
    assert links[hsn].startswith("Hälso- och sjukvårdsnämnden"), links[hsn]
    # the link targets exist
    site.element(f"/vasternorrland/planer/{HSN_PLAN}/", f"mal-{goal}")
    site.element(URL, f"mal-{goal}")


@pytest.mark.parametrize("area, heading", GOAL_AREAS, ids=[a[0] for a in GOAL_AREAS])
def test_region_goal_area_names(site, area, heading):
    element = site.element(REGION_URL, f"malomrade-{area}")
    name = heading.split(": ", 1)[1]
    assert name in inline_text(element), f"region page {area}: {inline_text(element)!r}"


@pytest.mark.parametrize("goal", [g for g in GOALS if g != "hallbar-samhallsutveckling"])
def test_region_goal_names(site, goal):
    """Goals 2.1.2–2.3.2 have the region plan's wording in this plan's headings."""
    name = GOALS[goal][1].split("Mål: ", 1)[1]
    strong = site.element(REGION_URL, f"mal-{goal}").find("strong")
    assert inline_text(strong) == name


def test_region_goal_hallbar_samhallsutveckling(site):
    """Goal 2.1.1 as Regionplan 2025–2027 words it (the HSN plan's Regionplan 2024–2026
    reads "Vi agerar som …")."""
    strong = site.element(REGION_URL, "mal-hallbar-samhallsutveckling").find("strong")
    assert inline_text(strong) == GOALS["hallbar-samhallsutveckling"][1].split("Mål: ", 1)[1]


# The region plan this plan follows (source 1 Inledning): "Regionstyrelsens verksamhetsplan
# bygger på regionfullmäktiges regionplan 2025-2027¹ samt andra styrande dokument", footnote 1
# "Diarienummer 24RS64-3". The plan gives no status for it.
REGION_PLAN_ANCHOR = "malstruktur-regionplan-2025-2027"
REGION_PLAN_TITLE = "Regionplan 2025–2027"
REGION_PLAN_CASE = "24RS64-3"


def _facts(dl) -> dict[str, str]:
    return {inline_text(dt): inline_text(dt.find_next_sibling("dd")) for dt in dl.find_all("dt")}


def _region_plan_section(site) -> list:
    heading = site.element(REGION_URL, REGION_PLAN_ANCHOR)
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        elements.append(sibling)
    return elements


def test_plan_follows_regionplan_2025_2027(site):
    dl = site.content(URL).select_one("dl.op-facts")
    assert _facts(dl)["Följer"] == REGION_PLAN_TITLE, _facts(dl)
    link = [a for a in dl.find_all("a", href=True) if "#malstruktur-" in a["href"]]
    assert len(link) == 1 and link[0]["href"] == f"../../#{REGION_PLAN_ANCHOR}", link
    assert "2024–2027" not in site.text(URL), "a period no source names"


def test_region_page_regionplan_2025_2027(site):
    heading = site.element(REGION_URL, REGION_PLAN_ANCHOR)
    assert heading.name == "h2" and inline_text(heading) == REGION_PLAN_TITLE
    dl = next(e for e in _region_plan_section(site) if e.name == "dl")
    facts = _facts(dl)
    assert facts["Diarienummer"] == REGION_PLAN_CASE, facts
    assert "Status" not in facts, "the source gives Regionplan 2025–2027 no status"
    assert facts["Följs av"] == f"Regionstyrelsen: {TITLE}", facts
    assert "Inledning" in facts["Källa"] and "Målområden" in facts["Källa"], facts


def test_region_page_regionplan_2025_2027_has_this_plans_areas_and_goals(site):
    elements = _region_plan_section(site)
    # Each goal area is a <section> of its own: its heading may be the element or inside it.
    areas = [inline_text(h) for e in elements for h in ([e] if e.name == "h3" else e.find_all("h3"))]
    assert areas == [heading.split(" ", 1)[1] for _, heading in GOAL_AREAS], areas
    goals = [inline_text(li.find("strong")) for e in elements for li in e.select("li.op-region-goal")]
    assert goals == [heading.split("Mål: ", 1)[1] for _, heading in GOALS.values()], goals


@pytest.mark.parametrize("goal", list(GOALS))
def test_goal_link_text_uses_regionplan_2025_2027_wording(site, goal):
    """"Bidrar till regionplanens mål" names the goal as the region plan this plan follows does."""
    serves = [e for e in goal_section(site, goal) if "op-serves" in (e.get("class") or [])]
    link = serves[0].find("a")
    assert inline_text(link) == GOALS[goal][1].split("Mål: ", 1)[1]
