"""Source check: Region Västerbotten, Hälso- och sjukvårdsnämnden, Nämndplan 2025.

Every expected value below is typed from the source document
/work/shared/sources/vasterbotten-hsn-namndplan-2025.txt (not from the YAML),
in the site's presentation: Swedish numbers ("274 057", "77,7 %", "-449,7").
"""

from __future__ import annotations

import re

import pytest

from conftest import cell_text, norm, table_grid

URL = "/vasterbotten/planer/hsn-namndplan-2025/"
RS_2023 = "/vasterbotten/planer/rs-namndplan-2023/"
REGION = "/vasterbotten/"

TERTIAL = "Tertial: aug, dec"

# --------------------------------------------------------------------------
# Expected data, from the source
# --------------------------------------------------------------------------

# Chapter headings (number + heading) as in the source.
CHAPTERS = [
    ("kapitel-inledning", "1 Inledning"),
    ("kapitel-namndens-uppdrag", "1.1 Hälsa- och sjukvårdsnämndens uppdrag"),
    ("kapitel-vision", "1.2 Region Västerbottens vision"),
    ("kapitel-politisk-styrning", "1.3 Region Västerbottens politiska styrning och mål"),
    ("kapitel-forutsattningar-for-planering", "1.4 Förutsättningar för planering"),
    ("kapitel-regionmal-och-uppfoljning", "2 Regionmål och uppföljning"),
    ("kapitel-arbetsprocess", "2.1 Arbetsprocess för att konkretisera fullmäktiges mål"),
    ("kapitel-beskrivning-av-uppfoljning", "2.2 Beskrivning av uppföljning"),
    ("kapitel-regionfullmaktiges-mal", "2.3 Regionfullmäktiges mål"),
    ("kapitel-uppdrag", "3 Uppdrag"),
    ("kapitel-uppdrag-fran-fullmaktige", "3.1 Uppdrag från fullmäktige till nämnd"),
    ("kapitel-uppdrag-till-forvaltning", "3.2 Uppdrag från nämnd till förvaltning"),
    ("kapitel-uppdrag-till-bfs", "3.3 Uppdrag från nämnd till beredning funktionshinder och samverkan"),
    ("kapitel-uppdrag-till-bpt", "3.4 Uppdrag från nämnd till beredning primärvård och tandvård"),
    ("kapitel-ekonomi-och-budget", "4 Ekonomiska förutsättningar och budget 2025"),
    ("kapitel-plan-for-hallbar-ekonomi", "4.1 Nämndens plan för hållbar ekonomi"),
    ("kapitel-arsprognos-2024", "4.2 Årsprognos 2024"),
    ("kapitel-budgetforandringar-2025", "4.3 Budgetförändringar 2025"),
    ("kapitel-fordelade-budgetramar-2025", "4.4 Fördelade budgetramar 2025"),
]

# The seven goals: (anchor id, number, heading text "Mål N. <name>").
GOALS = [
    ("trygga-uppvaxtvillkor", "1", "Trygga uppväxtvillkor"),
    ("goda-levnadsvillkor", "2", "Goda levnadsvillkor"),
    ("attraktivt-hallbart-vasterbotten", "3", "Ett attraktivt och hållbart Västerbotten"),
    ("tillganglig-vard-kvalitet-kontinuitet", "4", "Tillgänglig vård med god kvalitet och kontinuitet"),
    ("goda-arbetsplatser", "5", "Goda arbetsplatser och attraktiva arbetsgivare"),
    ("hallbar-miljo-klimatregion", "6", "En hållbar miljö- och klimatregion"),
    ("forskning-utbildning-innovation", "7", "Stärkt forskning, utbildning och innovation"),
]

# Sub-goals: goal id → [(delmål id, text, [indicator ids in order])].
D_FORSTA_LINJEN = "En större andel barn och unga med psykisk ohälsa ska få stöd och behandling av första linjen."
D_HEMBESOK = "Nyfödda i Region Västerbotten ska erbjudas hembesök enligt det nationella barnhälsovårdsprogrammet"
D_HALSOFRAMJANDE = "Hälsofrämjande och förebyggande insatser är tydligt prioriterade"
D_CIVIL_BEREDSKAP = "Nämnden ska göra en förstärkning av den egna verksamhetens förmåga till civil beredskap."
D_LEDNINGSSYSTEM = ("Förändrat arbetssätt genom implementering av gemensamma styrnings- och "
                    "ledningssystem mellan region och kommuner.")
D_VALD = ("Varje patientnära medarbetare har kunskap om riktlinjer och rutiner för arbetet rörande "
          "våld i nära relationer och i möte med patient obligatoriskt ställa frågan om våld i nära relation.")
D_RASISM = "Ökad kunskap om rasism inom vården"
D_FAST_VARDKONTAKT = "En fast vårdkontakt med ansvar för samordning och en sammanhållen individuell planering"
D_DIGITALA = "Förbättrad tillgänglighet och delaktighet genom användarvänliga digitala tjänster"
D_SAM = ("Verksamheten ska förstärka det systematiska arbetsmiljöarbetet på både avdelnings- och "
         "basenhetsnivå.")
D_CHEFER = "Chefer har bättre förutsättningar att leda"
# Split across a page break in the source ("… mer klimatvänliga" / "alternativ och arbetssätt"): one text.
D_FORBRUKNING = ("Verksamheten inventerar sitt användande av förbrukningsmaterial i syfte att kunna välja "
                 "mer klimatvänliga alternativ och arbetssätt")
D_USVE = ("Befintliga Universitetssjukvårdsenheter i Region Västerbotten uppnår samtliga kriterier "
          "för status som USVE")
D_KLINISKA = "Regionens aktiva arbete med kliniska studier är stärkt"

SUBGOALS = {
    "trygga-uppvaxtvillkor": [
        ("forsta-linjen", D_FORSTA_LINJEN,
         ["triage-forsta-linjen", "triage-remiss-bup", "samordnade-insatser-primarvard-bup",
          "digital-foraldragrupp"]),
        ("hembesok-nyfodda", D_HEMBESOK, ["genomforda-hembesok-nyfodda"]),
    ],
    "goda-levnadsvillkor": [
        ("halsoframjande-forebyggande", D_HALSOFRAMJANDE,
         ["genomforda-halsoundersokningar-vhu", "inlaggningar-fallskador", "halsosamtal-2-aringar",
          "levnadsvanestod"]),
        ("civil-beredskap", D_CIVIL_BEREDSKAP, ["introduktion-krisberedskap", "kontinuitetsplaner"]),
        ("gemensamt-ledningssystem-kommuner", D_LEDNINGSSYSTEM,
         ["slutenvardsdagar-per-tusen", "utskrivningsklara-i-slutenvard"]),
        ("vald-i-nara-relationer", D_VALD, ["fragar-om-valdutsatthet"]),
    ],
    "attraktivt-hallbart-vasterbotten": [
        ("kunskap-om-rasism", D_RASISM, ["webbutbildning-rasism"]),
    ],
    "tillganglig-vard-kvalitet-kontinuitet": [
        ("fast-vardkontakt", D_FAST_VARDKONTAKT,
         ["patientkontrakt-primarvard", "vard-och-omsorgskollen", "habiliteringsplan-3-manader"]),
        ("digitala-tjanster", D_DIGITALA,
         ["anvandandet-av-sjalvservice", "intjanad-tid-webbtidbok", "digitala-vardbesok",
          "digitalt-basutbud-folktandvarden"]),
    ],
    "goda-arbetsplatser": [
        ("systematiskt-arbetsmiljoarbete", D_SAM,
         ["hme-medarbetare", "olycksfall-arbetsskador", "tillbudsrapporter", "sam-arlig-uppfoljning"]),
        ("chefers-forutsattningar", D_CHEFER, ["hme-chefer"]),
    ],
    "hallbar-miljo-klimatregion": [
        ("inventera-forbrukningsmaterial", D_FORBRUKNING,
         ["inventerat-forbrukningsmaterial", "miljovanliga-forbrukningsmaterial"]),
    ],
    "forskning-utbildning-innovation": [
        ("usve-kriterier", D_USVE, ["andel-usve-kriterier"]),
        ("kliniska-studier", D_KLINISKA, ["antal-kliniska-studier"]),
    ],
}

# Every indicator row: (id, Delmål, Indikatorer, Utfall 2023, Mål 2025, Periodicitet).
# An empty source cell is "".
INDICATORS = [
    # Mål 1
    ("triage-forsta-linjen", D_FORSTA_LINJEN,
     "Andel barn och unga som triageras till första linjen", "71 %", "72 %", "År"),
    ("triage-remiss-bup", D_FORSTA_LINJEN,
     "Andelen barn och unga som triageras till första linjen och sedan remitteras till BUP",
     "31 %", "29 %", "År"),
    ("samordnade-insatser-primarvard-bup", D_FORSTA_LINJEN,
     "Antal barn med psykisk ohälsa som får samordnade insatser från primärvård och "
     "Barn- och ungdomspsykiatri.", "", "Öka", TERTIAL),
    ("digital-foraldragrupp", D_FORSTA_LINJEN,
     "Antal barn med psykisk ohälsa vars vårdnadshavare fått insatsen digital föräldragrupp på "
     "Kontaktcenter barn och unga", "", "Öka", TERTIAL),
    ("genomforda-hembesok-nyfodda", D_HEMBESOK,
     "Andel genomförda hembesök till nyfödda", "70 %", "90 %", TERTIAL),
    # Mål 2 (the first sub-goal's table continues after a page break: four indicators)
    ("genomforda-halsoundersokningar-vhu", D_HALSOFRAMJANDE,
     "Andel (%) genomförda hälsoundersökningar (VHU)", "28 %", "70 %", TERTIAL),
    ("inlaggningar-fallskador", D_HALSOFRAMJANDE,
     "Antal inläggningar på grund av fallskador", "", "4 300", "År"),
    ("halsosamtal-2-aringar", D_HALSOFRAMJANDE,
     "Andel genomförda hälsosamtal för 2-åringar inom folkhälsvården", "23 %", "80 %", "År"),
    ("levnadsvanestod", D_HALSOFRAMJANDE,
     "Användandet av levnadsvanestöd", "0", "3 000", TERTIAL),
    ("introduktion-krisberedskap", D_CIVIL_BEREDSKAP,
     "Andel medarbetare som har genomgått den digitala introduktionen till krisberedskap.",
     "0 %", "55 %", TERTIAL),
    ("kontinuitetsplaner", D_CIVIL_BEREDSKAP,
     "Antal samhällsviktiga verksamheter som har tagit fram kontinuitetsplaner.", "3", "8", "År"),
    ("slutenvardsdagar-per-tusen", D_LEDNINGSSYSTEM,
     "Antalet slutenvårdsdagar per tusen länsinvånare minskar", "631", "520", "År"),
    ("utskrivningsklara-i-slutenvard", D_LEDNINGSSYSTEM,
     "Antalet utskrivningsklara patienter som är kvar i slutenvård", "169", "95", "År"),
    ("fragar-om-valdutsatthet", D_VALD,
     "Andel basenheter som frågar om våldutsatthet och dokumenterar enligt regionens riktlinjer",
     "28 %", "80 %", TERTIAL),
    # Mål 3
    ("webbutbildning-rasism", D_RASISM,
     "Antal chefer och medarbetare i stab inom hälso- och sjukvårdsförvaltningen som genomgått "
     "webbutbildning Jämlik vård - utbildning om rasism och likvärdigt patientbemötande",
     "", "90 %", TERTIAL),
    # Mål 4
    # Source cell "Patientkontrakt/dokumentera d överenskommelse": the long token
    # "Patientkontrakt/dokumenterad" was broken by the narrow table column; the word is "dokumenterad".
    ("patientkontrakt-primarvard", D_FAST_VARDKONTAKT,
     "Andel BE inom primärvården som använder Patientkontrakt/dokumenterad överenskommelse som verktyg",
     "", "50 %", "År"),
    ("vard-och-omsorgskollen", D_FAST_VARDKONTAKT,
     "Andel basenheter som via vård och omsorgskollen följer upp patientens upplevelser av delaktig, "
     "trygghet och samordning", "", "80 %", "År"),
    ("habiliteringsplan-3-manader", D_FAST_VARDKONTAKT,
     "Andel brukare som får Habiliteringsplan för insatser, fast vårdkontakt och tid för nästa steg "
     "är upprättad inom 3 månader från beslut", "", "80 %", TERTIAL),
    ("anvandandet-av-sjalvservice", D_DIGITALA,
     "Användandet av självservice", "274 057", "530 000", TERTIAL),
    ("intjanad-tid-webbtidbok", D_DIGITALA,
     "Intjänad tid i timmar genom webbtidbok", "7 940", "9 500", TERTIAL),
    ("digitala-vardbesok", D_DIGITALA,
     "Antal digitala vårdbesök", "28 789", "65 000", TERTIAL),
    ("digitalt-basutbud-folktandvarden", D_DIGITALA,
     "Användning av digitala basutbudet inom folktandvården", "", "25 000", TERTIAL),
    # Mål 5
    ("hme-medarbetare", D_SAM,
     'Utfall för "hållbart medarbetarengagemang för medarbetare" i medarbetarundersökning (MU)',
     "77,7 %", "80 %", "År"),
    ("olycksfall-arbetsskador", D_SAM,
     "Antal anmälda olycksfall och arbetsskador", "300", "250", TERTIAL),
    ("tillbudsrapporter", D_SAM,
     "Antal tillbudsrapporter", "442", "700", TERTIAL),
    ("sam-arlig-uppfoljning", D_SAM,
     'Utfall för genomförd checklista "SAM årlig uppföljning"', "", "100 %", "År"),
    ("hme-chefer", D_CHEFER,
     "Hållbart medarbetarengagemang för chefer ska öka", "82,5", "85", "År"),
    # Mål 6 (table split across a page break: one sub-goal, two indicators)
    ("inventerat-forbrukningsmaterial", D_FORBRUKNING,
     "Andel verksamheter som inventerat sitt användande av förbrukningsmaterial", "", "70 %", "År"),
    ("miljovanliga-forbrukningsmaterial", D_FORBRUKNING,
     "Andel verksamheter som genomfört förändringar till mer miljövänliga förbrukningsmaterial",
     "", "50 %", "År"),
    # Mål 7
    ("andel-usve-kriterier", D_USVE,
     "Andel befintliga universitetssjukvårdsenheter i Region Västerbotten som uppnår samtliga "
     "kriterier för status som USVE", "", "100 %", TERTIAL),
    ("antal-kliniska-studier", D_KLINISKA,
     "Antal kliniska studier", "706", "800", "År"),
]

INDICATOR_HEADINGS = ["Delmål", "Indikatorer", "Utfall 2023", "Mål 2025", "Periodicitet"]

# Assignments: chapter anchor → [(id, status, text, "Riktas till …" or "", periodicitet, slutdatum)].
TILL_HSN_RS = "Riktas till hälso- och sjukvårdsnämnden och regionstyrelsen"
TILL_ALLA = "Riktas till alla nämnder och styrelser"
ASSIGNMENTS = {
    "kapitel-uppdrag-fran-fullmaktige": [
        ("tillganglighet-valda-enheter", "Pågående",
         "Identifiera och initiera ett fokusarbete för att förbättra tillgängligheten vid valda enheter",
         TILL_HSN_RS, TERTIAL, "2024-12-31"),
        ("minska-personalkostnaden", "Ej påbörjad",
         "Ta fram konsekvensunderlag och förslag på åtgärder för att minska personalkostnaden "
         "motsvarande 250 miljoner kronor", TILL_ALLA, TERTIAL, "2025-12-31"),
        ("minska-hyrberoendet", "Ej påbörjad", "Minska hyrberoendet", TILL_HSN_RS, TERTIAL, "2025-12-31"),
        ("kloka-kliniska-val", "Ej påbörjad",
         "Utifrån kloka kliniska val och dess struktur genomföra prioriteringar för minskad vårdkonsumtion",
         "Riktas till hälso- och sjukvårdsnämnden", TERTIAL, "2025-12-31"),
        ("ledning-och-styrning", "Ej påbörjad",
         "Stärka vår ledning och styrning genom identifierade delaktiviteter 2025",
         "Riktas till hälso- och sjukvårdsnämnden, regionstyrelsen, regionala utvecklingsnämnden "
         "och folkhögskolestyrelsen", TERTIAL, "2025-12-31"),
        ("omstallning-nara-vard", "Ej påbörjad",
         "Genomför prioriterade åtgärder som syftar till att stärka omställningen till nära vård",
         TILL_HSN_RS, TERTIAL, "2025-12-31"),
        ("minska-tjansteresande", "Ej påbörjad",
         "Minska tjänsteresande för Region Västerbotten med 15 procent i jämförelse med år 2023",
         TILL_ALLA, TERTIAL, "2025-12-31"),
    ],
    "kapitel-uppdrag-till-forvaltning": [
        ("centrum-mot-vald", "Ej påbörjad",
         "Förstärka Centrum Mot våld i alla tre länsdelar utifrån verksamheternas behov",
         "", "År", "2025-12-31"),
        ("snabb-kontakt-primarvard", "Ej påbörjad",
         "Öka tillgänglighet så snabb kontakt uppfylls via telefon samt digitalt inom primärvården",
         "", "År", "2025-12-31"),
    ],
    "kapitel-uppdrag-till-bfs": [
        ("funktionshinderforskning", "Ej påbörjad",
         "Beredningen för funktionshinder och samverkan ges i uppdrag att kartlägga förutsättningar "
         "för funktionshinderforskning inom regionen", "", TERTIAL, "2025-12-31"),
        ("handlingsplan-folkhalsa-funktionsratt", "Ej påbörjad",
         "Att i samverkan med beredningen för Folkhälsa följa arbetet med att utarbeta en handlingsplan "
         "utifrån den av Regionfullmäktige fastställda strategin för Folkhälsa och Funktionsrätt",
         "", TERTIAL, "2025-12-31"),
        ("vald-nara-relationer-minoriteter", "Ej påbörjad",
         'Att utifrån HSN:s mål beträffande "våld i nära relationer" följa frågan utifrån länets '
         "underrepresenterade grupper och minoriteter", "", TERTIAL, "2025-12-31"),
    ],
    "kapitel-uppdrag-till-bpt": [
        ("fast-lakarkontakt", "Pågående",
         "Inom ramen för pågående arbeten och med nya aktiviteter arbeta för att uppnå Socialstyrelsens "
         "nationella riktvärde för fast läkarkontakt om 1100 pat/specialist i primärvården. Arbetet "
         "pågår under hela mandatperioden med årlig delrapport", "", TERTIAL, "2024-12-31"),
        ("kompetensforsorjning-folktandvarden", "Pågående",
         "Beredningen för primärvård och tandvård ges i uppdrag att följa Folk tandvårdens arbete med "
         "kompetensförsörjning samt rekrytering så att medborgarnas rätt till förebyggande och god "
         "tandhälsa säkras.", "", "År", "2024-12-31"),
    ],
}
ALL_ASSIGNMENTS = [(chapter, *row) for chapter, rows in ASSIGNMENTS.items() for row in rows]

# Budget table "Ekonomiska ramar per nämnd och styrelse 2025–2028" (mnkr).
BUDGET_ID = "tabell-ekonomiska-ramar-per-namnd"
BUDGET_CAPTION = "Ekonomiska ramar per nämnd och styrelse 2025–2028"
BUDGET_COLUMNS = [
    "Budget 2024", "Budgetförändring 2024", "Budgetreducering 2025", "Budgettillskott 2025",
    "Omfördelning 2025", "Löne- och prisindex, personalomkostnadspålägg", "Budget 2025",
    "Plan 2026", "Plan 2027", "Plan 2028",
]
# (row name, kind: "bold" for the source's bold rows, "varav" for "- varav …" rows, values)
BUDGET_ROWS = [
    ("Regionfullmäktige", "bold",
     ["17", "0,2", "0,0", "0,1", "0,0", "-0,5", "16,3", "17", "17", "18"]),
    ("beredningar", "varav",
     ["8", "0,1", "0,0", "0,0", "0,0", "-0,2", "7,8", "8", "8", "9"]),
    ("Regionstyrelse", "bold",
     ["3 770", "-3,3", "-449,7", "128,7", "7,9", "489,3", "3 943,2", "3 988", "4 169", "4 300"]),
    ("beställare primärvård", "varav",
     ["1 443", "11,5", "0,0", "32,9", "0,0", "-20,5", "1 466,5", "1 510", "1 557", "1 606"]),
    ("beställare tandvård", "varav",
     ["168", "2,6", "-21,3", "1,4", "0,0", "-2,0", "148,7", "153", "158", "163"]),
    ("avskrivningar", "varav",
     ["580", "0,0", "0,0", "36,0", "0,0", "0,0", "616,0", "624", "631", "600"]),
    ("pensionskostnader och personalskuld", "varav",
     ["1 523", "0,0", "-348,4", "0,0", "0,0", "0,0", "1 174,5", "1 099", "1 160", "1 210"]),
    ("Hälso- och sjukvårdsnämnd", "bold",
     ["6 307", "253,0", "-10,0", "214,4", "-7,9", "-222,6", "6 534,0", "6 730", "6 939", "7 154"]),
    ("Regional utvecklingsnämnd", "bold",
     ["426", "0,9", "0,0", "1,4", "0,0", "9,3", "437,5", "451", "465", "479"]),
    ("kollektivtrafik", "varav",
     ["261", "0,0", "0,0", "1,4", "0,0", "8,1", "270,5", "279", "287", "296"]),
    ("Folkhögskolestyrelse", "bold",
     ["14", "0,6", "0,0", "0,2", "0,0", "-2,1", "12,2", "13", "13", "13"]),
    ("Patientnämnd", "bold",
     ["7", "0,1", "0,0", "0,0", "0,0", "-0,2", "6,5", "7", "7", "7"]),
    ("Revision", "bold",
     ["9", "0,1", "0,0", "0,0", "0,0", "-0,3", "8,7", "9", "9", "9"]),
    ("Krisledningsnämnd", "bold",
     ["0", "0,0", "0,0", "0,0", "0,0", "0,0", "0,0", "0", "0", "0"]),
    ("Summa verksamhetens nettokostnad", "bold",
     ["10 549", "251,6", "-459,7", "344,7", "0,0", "273,0", "10 958,4", "11 213", "11 619", "11 980"]),
]

# Distinctive sentences and phrases from every chapter, in the source's order.
NARRATIVE = [
    # 1.1
    "Nämndens uppdrag är att tillgodose västerbottningens behov av hälso- och sjukvård samt tandvård",
    "Nämnden har också ett uppdrag att bedriva regionvård.",
    "kunskapsbaserat och med kontinuitet i kontakterna med vården förväntas en mer tillgänglig, "
    "samordnad och nära vård på lika villkor för länets befolkning.",
    "re/-habilitering och hjälpmedel, kommunal hälso- och sjukvård och med socialtjänsten.",
    "Folktandvården har i ett samverkansavtal med Umeå universitetet också uppdrag att utveckla och "
    "kompetenssäkra tandläkarutbildningen i Umeå",
    "Beredningen för samverkan och funktionshinder (BFS) ansvarar för att bereda ärenden",
    "funktionshinderorganisationer och läns pensionärsrådet.",
    "Nämnden har en egen förvaltning som är organiserad i sex områden (se figur 1).",
    "finns ett gemensamt nationellt system för kunskapsstyrning etablerat även i HSF.",
    "Nämnden har därför tillsammans med övriga nämnder ett ansvar för att stärka sin civila beredskap.",
    # 1.2
    "Region Västerbottens vision är ett län där framtiden byggs tillsammans med invånare, kommuner, "
    "organisationer och näringsliv.",
    "Vi gör skillnad för dem vi finns till för och får fler att välja Västerbotten.",
    # 1.3 (split across a page break in the source)
    "Målen riktar sig till nämnderna som i sin tur antar årliga nämndplaner med delmål som anger "
    "nämndens mest prioriterade områden.",
    # 1.4
    "Nämnden går in i 2025 med ett prognostiserat budgetunderskott.",
    "Verksamhetsåret 2025 kommer i hög grad att präglas av införandet av det nya "
    "vårdinformationssystemet COSMIC.",
    # 2.1 (the quotation is split across a page break in the source)
    "Processen som startade i april 2024 har på övergripande strategisk nivå analyserat",
    'Under mål 7 har indikator "antal patienter som deltar i kliniska studier" tagits bort.',
    '"Samtliga befintliga Universitetssjukvårdsenheter (USVE) i Region Västerbotten uppnår '
    'Socialstyrelsens minimikrav"',
    # 2.2
    'I de fall värden helt saknas för indikatorn och nämnden beslutat att följa en utveckling anges '
    'mål som "öka" eller "minska". Utveckling av data är regionstyrelsens ansvar.',
    "Nämnden delges en nedbruten redovisning av ekonomiskt utfall på basenhetsnivå två till tre gånger "
    "per år i samband med delårsrapport och årsrapport.",
    # Mål 1
    "I övrigt bedrivs nämndens barnrättsarbete inom ramen för den struktur med barnrättsombud som "
    "finns i nämndens alla basenheter. .",
    "Digitala föräldragrupper erbjuds av Kontaktcenter barn och unga psykisk hälsa Västerbotten "
    "oavsett vilken vårdnivå som barnet har sin vårdkontakt med",
    "Enligt det nationella programmet ska hembesök även erbjudas vid åtta månaders ålder",
    # Mål 2
    "Levnadsvanestödet möjliggör en personlig hälsoprofil inför vårdbesök",
    'I enlighet med den i fullmäktige beslutade "Färdplan nära vård" fortsätter nämndens sitt arbete',
    "fler medarbetare kommer att utbildas i katastrofberedskap inom förvaltningen.",
    # Mål 3
    "Forskning visar att strukturell rasism påverkar folkhälsan negativt.",
    # Mål 4
    'Under 2025 kommer troligen lagstiftningen att förändras till att innebära "digitalt först"',
    "med fokus på arbeten och aktiviteter som syftar till att öka andelen patienter som får vård "
    "inom vårdgarantins gränser",
    # Mål 5
    "Nämnden har för under 2025 särskilt fokus på att förstärka det systematiska arbetsmiljöarbetet "
    "samt att förbättra chefers förutsättningar att leda.",
    # Mål 6
    "kommunicera behov av ersättningsprodukter till inköpsverksamheten som regionstyrelsen ansvarar för.",
    # Mål 7
    "NUS är ett nav för hälso- och sjukvården inom Norra Regionsjukvårdsförbundet.",
    "Nämnden har för 2025 fokuserat på att stärka regionens aktiva arbete med kliniska studier.",
    # 4
    "Till det kom hög inflation med allmänt högre kostnader och I kraftigt ökade pensionskostnader.",
    "Övergripande beskrivning av posterna återfinns i bilaga till nämndplanen.",
    # 4.1
    "Vårdförbundets strejk under våren och inledningen av sommaren påverkade också tillgänglighet "
    "och sommarplaneringen negativt.",
    "Under 2025 kommer arbetet med produktion och kapacitetsstyrning (PKS) ta ett viktigt steg",
    "Tillgänglighet – fortsatt prioritering av insatser för att förbättra tillgängligheten.",
    "Minskat hyrberoende – målsättningen med arbetet med minskat hyrberoende är att nå det nationella "
    "fastställda målet om att kostnaden ska uppgå till max 2% av personalkostnaderna.",
    "som exempelvis Fokused ultrasound (FUS).",
    "Produktion och kapacitetsstyrning - För kunna möta vårdbehoven behövs kunskap om vårdbehov",
    "Beslut om nya initiativ ska alltid följas av beslut om finansiering.",
    # 4.2
    "ett underskott mot budget på 578 miljoner kronor. Jämfört med föregående år har intäkterna ökat "
    "med 6,3 procent medan kostnaderna ökat med 6,8 procent. Samlat innebär det en ökad nettokostnad "
    "med 7,1 procent.",
    "bedöms till ett underskott mot budget på 700 miljoner kronor.",
    # 4.3 (split across a page break in the source)
    "Regionfullmäktige beslutar att ställa till förfogande totalt 6 534,0 miljoner kronor till hälso- "
    "och sjukvårdsnämnden.",
    "Budgettillskott ges till nämnden med 214,4 miljoner kronor.",
    "De får sin ersättning från primärvård beställare respektive tandvård beställare.",
    # 4.4
    "Utgångspunkt för budgetram 2025 är budgetram 2024.",
    "Nedan är ramar från regionplan 2025.",
]

# Words the source sets in bold or italics inside running text.
EMPHASIS = [
    ("em", "förväntas"),
    ("strong", "Tillgänglighet"),
    ("strong", "Ledning och styrning"),
    ("strong", "Minskat hyrberoende"),
    ("strong", "Universitetssjukhuset"),
    ("strong", "Åtgärdsplaner"),
    ("strong", "Produktion och kapacitetsstyrning"),
]

ARTIFACTS = [
    "[bookmark", "_Toc", "<b>", "</b>", "<i>", "</i>", "<sup>", "image1", ".jpeg", ".png",
    "Ordförandens sign", "Sida 2(", "Sida 1(", ".....", "Innehållsförteckning", "\t",
]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def heading_text(element) -> str:
    """A heading's text without its permalink."""
    clone = element.__copy__()
    for link in clone.select("a.headerlink"):
        link.decompose()
    return norm(clone.get_text(" "))


def goal_section(site, goal_id):
    """The elements between a goal's heading and the next heading of the same or higher level."""
    heading = site.element(URL, f"mal-{goal_id}")
    level = int(heading.name[1])
    out = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            break
        out.append(sibling)
    return out


def chapter_tables(site, chapter_anchor):
    """The tables between a chapter heading and the next heading."""
    heading = site.element(URL, chapter_anchor)
    tables = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or ""):
            break
        tables.extend(sibling.select("table") if sibling.name != "table" else [sibling])
    return tables


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------

def test_page_title_and_facts(site):
    page = site.page(URL)
    h1 = heading_text(site.content(URL).find("h1"))
    assert h1 == "Hälso- och sjukvårdsnämnden: Nämndplan 2025", h1
    facts = {norm(dt.get_text(" ")): norm(dt.find_next_sibling("dd").get_text(" "))
             for dt in page.select("dl.op-facts dt")}
    assert facts.get("Region") == "Region Västerbotten", facts
    assert facts.get("Organ") == "Hälso- och sjukvårdsnämnden", facts
    assert facts.get("Typ av plan") == "Nämndplan", facts
    assert facts.get("Period") == "2025", facts


def test_follows_region_plan_goals(site):
    """The plan follows the region plan's seven goals for 2024–2027 (source 1.3)."""
    dd = next(dt.find_next_sibling("dd") for dt in site.page(URL).select("dl.op-facts dt")
              if norm(dt.get_text()) == "Följer")
    link = dd.find("a")
    assert link is not None and link["href"].endswith("#malstruktur-regionplan-2024-2027"), dd
    site.element(REGION, "malstruktur-regionplan-2024-2027")
    text = norm(link.get_text(" "))
    assert "2024–2027" in text, text
    assert text.count("2024–2027") == 1, f"period written twice in the 'Följer' link: {text!r}"


@pytest.mark.parametrize("anchor, expected", CHAPTERS, ids=[c[0] for c in CHAPTERS])
def test_chapter_heading(site, anchor, expected):
    assert heading_text(site.element(URL, anchor)) == expected


def test_chapter_order(site):
    ids = [h.get("id") for h in site.content(URL).select("h2, h3")]
    chapter_ids = [i for i in ids if i and i.startswith("kapitel-")]
    assert chapter_ids == [c[0] for c in CHAPTERS]


@pytest.mark.parametrize("goal_id, number, name", GOALS, ids=[g[0] for g in GOALS])
def test_goal_heading(site, goal_id, number, name):
    heading = site.element(URL, f"mal-{goal_id}")
    assert re.fullmatch(r"h[2-6]", heading.name), heading.name
    text = heading_text(heading)
    # source: "Mål 1. Trygga uppväxtvillkor"
    assert re.fullmatch(rf"(Mål )?{number}[.:]? {re.escape(name)}", text), text
    # the goal sits under 2.3 Regionfullmäktiges mål
    chapter = heading.find_previous(["h2", "h3"])
    assert chapter.get("id") == "kapitel-regionfullmaktiges-mal", chapter


@pytest.mark.parametrize("goal_id, number, name", GOALS, ids=[g[0] for g in GOALS])
def test_goal_serves_region_plan_goal(site, goal_id, number, name):
    serves = [e for e in goal_section(site, goal_id) if "op-serves" in (e.get("class") or [])]
    assert serves, f"Mål {number}: no link to the region plan's goal"
    link = serves[0].find("a")
    assert link["href"].endswith(f"#mal-{goal_id}"), link
    assert name in norm(link.get_text(" ")), link
    target = site.element(REGION, f"mal-{goal_id}")
    assert name in norm(target.get_text(" ")), target


def test_goal_order(site):
    ids = [h.get("id") for h in site.content(URL).select("h2, h3, h4, h5, h6")]
    assert [i for i in ids if i and i.startswith("mal-")] == [f"mal-{g[0]}" for g in GOALS]


@pytest.mark.parametrize("goal_id", list(SUBGOALS), ids=list(SUBGOALS))
def test_goal_subgoal_table(site, goal_id):
    """Each goal has one table of sub-goals; its sub-goals and indicators in the source's order."""
    tables = [t for e in goal_section(site, goal_id) for t in ([e] if e.name == "table" else e.select("table"))]
    assert len(tables) == 1, f"{goal_id}: {len(tables)} tables"
    table = tables[0]
    headers = [norm(th.get_text(" ")) for th in table.select("thead tr")[0].find_all(["th", "td"])]
    assert headers == INDICATOR_HEADINGS
    subgoals = [tbody["id"] for tbody in table.select("tbody[id^=delmal-]")]
    assert subgoals == [f"delmal-{s[0]}" for s in SUBGOALS[goal_id]]
    rows = [tr["id"] for tr in table.select("tbody tr[id^=indikator-]")]
    assert rows == [f"indikator-{i}" for s in SUBGOALS[goal_id] for i in s[2]]


ALL_SUBGOALS = [(goal, *s) for goal, subs in SUBGOALS.items() for s in subs]


@pytest.mark.parametrize("goal_id, subgoal_id, text, indicators", ALL_SUBGOALS,
                         ids=[s[1] for s in ALL_SUBGOALS])
def test_subgoal(site, goal_id, subgoal_id, text, indicators):
    group = site.element(URL, f"delmal-{subgoal_id}")
    assert group.name == "tbody"  # the sub-goal is one element: its row group
    cell = group.select_one("th.op-subgoal")
    assert cell_text(cell) == text
    assert int(cell.get("rowspan", 1)) == len(indicators), \
        f"delmål {subgoal_id} spans {cell.get('rowspan', 1)} rows, the source has {len(indicators)} indicators"
    assert cell.find_parent("tr").get("id") == f"indikator-{indicators[0]}"


def test_subgoal_count(site):
    found = [e["id"] for e in site.content(URL).select("[id^=delmal-]")]
    assert found == [f"delmal-{s[1]}" for s in ALL_SUBGOALS]


@pytest.mark.parametrize("ident, delmal, name, utfall, mal, periodicitet", INDICATORS,
                         ids=[i[0] for i in INDICATORS])
def test_indicator_row(site, ident, delmal, name, utfall, mal, periodicitet):
    row = site.row(URL, f"indikator-{ident}")
    expected = {"Delmål": delmal, "Indikatorer": name, "Utfall 2023": utfall,
                "Mål 2025": mal, "Periodicitet": periodicitet}
    assert row == expected, f"indicator {ident}:\n site  {row}\n source {expected}"


def test_indicator_count(site):
    rows = site.content(URL).select("[id^=indikator-]")
    assert [r["id"] for r in rows] == [f"indikator-{i[0]}" for i in INDICATORS], \
        f"{len(rows)} indicator rows on the page, the source has {len(INDICATORS)}"
    assert len(INDICATORS) == 31


def test_sjalvservice_is_one_indicator_with_rs_2023(site):
    """'Användandet av självservice' is the same indicator as in Regionstyrelsen's Nämndplan 2023:
    both rows lead to one indicator page, which leads back to both."""
    page = "/vasterbotten/indikatorer/anvandandet-av-sjalvservice/"
    for url in (URL, RS_2023):
        link = site.element(url, "indikator-anvandandet-av-sjalvservice").select_one("a.op-indicator-link")
        assert link["href"] == "../../indikatorer/anvandandet-av-sjalvservice/"
    listed = [a["href"] for a in site.element(page, "planer").find_next("ul").select("a")]
    assert listed == ["../../planer/rs-namndplan-2023/#indikator-anvandandet-av-sjalvservice",
                      "../../planer/hsn-namndplan-2025/#indikator-anvandandet-av-sjalvservice"]
    assert site.row(RS_2023, "indikator-anvandandet-av-sjalvservice")["Indikatorer"] == \
        "Användandet av självservice"


def test_indicator_links_resolve(site):
    """Every indicator row leads to an existing indicator page."""
    links = site.content(URL).select("a.op-indicator-link")
    assert len(links) == len(INDICATORS)
    for link in links:
        target = "/vasterbotten/" + link["href"].removeprefix("../../")
        assert site.path(target).is_file(), f"broken link {link['href']}"


@pytest.mark.parametrize("chapter", list(ASSIGNMENTS), ids=list(ASSIGNMENTS))
def test_assignment_table(site, chapter):
    tables = chapter_tables(site, chapter)
    assert len(tables) == 1, f"{chapter}: {len(tables)} tables"
    headers = [norm(th.get_text(" ")) for th in tables[0].select("thead tr")[0].find_all(["th", "td"])]
    assert headers == ["Status", "Uppdrag", "Periodicitet", "Slutdatum"]
    rows = [tr.get("id") for tr in tables[0].select("tbody > tr[id]")]
    assert rows == [f"uppdrag-{a[0]}" for a in ASSIGNMENTS[chapter]]


@pytest.mark.parametrize("chapter, ident, status, text, riktas, periodicitet, slutdatum",
                         ALL_ASSIGNMENTS, ids=[a[1] for a in ALL_ASSIGNMENTS])
def test_assignment_row(site, chapter, ident, status, text, riktas, periodicitet, slutdatum):
    row = site.row(URL, f"uppdrag-{ident}")
    uppdrag = f"{text} {riktas}" if riktas else text
    expected = {"Status": status, "Uppdrag": uppdrag, "Periodicitet": periodicitet, "Slutdatum": slutdatum}
    assert row == expected, f"assignment {ident}:\n site  {row}\n source {expected}"
    directed = site.row_element(URL, f"uppdrag-{ident}").select(".op-directed")
    if riktas:
        assert [norm(d.get_text(" ")) for d in directed] == [riktas]
    else:
        assert not directed, f"{ident}: the source directs this assignment to no one"


def test_assignment_count(site):
    rows = site.content(URL).select("[id^=uppdrag-]")
    assert len(rows) == 14 == len(ALL_ASSIGNMENTS), f"{len(rows)} assignment rows, the source has 14"


def test_budget_table_caption_and_columns(site):
    box = site.element(URL, BUDGET_ID)
    table = box if box.name == "table" else box.find("table")
    caption = norm(table.find("caption").get_text(" "))
    assert caption.startswith(BUDGET_CAPTION), caption
    assert "mnkr" in caption or "miljoner kronor" in caption, f"caption must say the unit: {caption}"
    grid, headers = table_grid(table)
    assert headers[1:] == BUDGET_COLUMNS
    assert len(headers) == 11
    assert len(grid) == len(BUDGET_ROWS) == 15


@pytest.mark.parametrize("position, name, kind, values", [(i, *r) for i, r in enumerate(BUDGET_ROWS)],
                         ids=[r[0] for r in BUDGET_ROWS])
def test_budget_row(site, position, name, kind, values):
    box = site.element(URL, BUDGET_ID)
    table = box if box.name == "table" else box.find("table")
    grid, headers = table_grid(table)
    row = grid[position]
    tr = table.select("tbody > tr")[position]
    if kind == "varav":
        assert re.fullmatch(rf"-?\s?varav {re.escape(name)}", row[0]), row[0]
        assert "op-ofwhich" in (tr.get("class") or []), f"{name}: not shown as a 'varav' row"
    else:
        assert row[0] == name, row[0]
        assert "op-bold" in (tr.get("class") or []), f"{name}: the source sets this row in bold"
    assert dict(zip(headers[1:], row[1:])) == dict(zip(BUDGET_COLUMNS, values)), \
        f"{name}:\n site  {row[1:]}\n source {values}"


def test_budget_negative_values_use_minus_sign(site):
    box = site.element(URL, BUDGET_ID)
    raw = box.get_text(" ")
    assert "\u2212449,7" in raw and "\u2212222,6" in raw, "negative amounts must use the minus sign"


def test_figure_1(site):
    captions = [norm(f.get_text(" ")) for f in site.content(URL).select("figure figcaption")]
    assert "Figur 1. Hälsa- och sjukvårdsförvaltningens organisation i Region Västerbotten" in captions, captions
    # the figure sits in 1.1, after the text that refers to it
    figure = site.content(URL).find("figure")
    assert figure.find_previous(["h2", "h3"]).get("id") == "kapitel-namndens-uppdrag"


@pytest.mark.parametrize("phrase", NARRATIVE, ids=[p[:40] for p in NARRATIVE])
def test_narrative(site, phrase):
    assert norm(phrase) in site.text(URL), f"missing from the page: {phrase!r}"


@pytest.mark.parametrize("tag, text", EMPHASIS, ids=[e[1] for e in EMPHASIS])
def test_emphasis(site, tag, text):
    found = [norm(e.get_text(" ")) for e in site.content(URL).select(f".op-text {tag}")]
    assert text in found, f"{text!r} should be set in <{tag}> as in the source"


def test_no_conversion_artifacts(site):
    text = site.content(URL).get_text(" ")
    html = str(site.content(URL))
    for artifact in ARTIFACTS:
        assert artifact not in text, f"conversion artifact {artifact!r} on the page"
    for escaped in ("&lt;b&gt;", "&lt;i&gt;", "&lt;sup&gt;", "**"):
        assert escaped not in html, f"unrendered markup {escaped!r} on the page"
    assert "dokumentera d " not in text, "the cell-wrap split 'dokumentera d' is a conversion artifact"
