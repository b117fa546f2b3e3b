"""Region Västerbotten, Regionstyrelsen: Nämndplan 2023 (DNR 39-2022) is on the site, whole.

Every expected value below is typed from the source document
/work/shared/sources/vasterbotten-rs-namndplan-2023.txt (line numbers in comments),
never from the YAML, so that a YAML that differs from the source fails here.
"""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import cell_text, norm, table_grid

URL = "/vasterbotten/planer/rs-namndplan-2023/"
REGION_URL = "/vasterbotten/"

# --------------------------------------------------------------------------
# Expected data, from the source
# --------------------------------------------------------------------------

# Front page, lines 3-11.
FACTS = {
    "Region": "Region Västerbotten",
    "Organ": "Regionstyrelsen",
    "Typ av plan": "Nämndplan",
    "Period": "2023",
    "Status": "Beslutad",
    "Diarienummer": "39-2022",
}
DECIDED_DATE = "6 december 2022"  # "Beslutad av Regionstyrelsen 2022-12-06"

# The numbered chapters of the table of contents (lines 17-37): anchor, heading.
CHAPTERS = [
    ("kapitel-inledning", "1 Inledning"),
    ("kapitel-regionstyrelsens-uppdrag", "1.1 Regionstyrelsens uppdrag"),
    ("kapitel-vision", "1.2 Region Västerbottens vision"),
    ("kapitel-politisk-styrning-och-mal", "1.3 Region Västerbottens politiska styrning och mål"),
    ("kapitel-perspektiv", "1.4 Perspektiv"),
    ("kapitel-forutsattningar-for-planering", "1.5 Förutsättningar för planering"),
    ("kapitel-regionmal-och-uppfoljning", "2 Regionmål och uppföljning"),
    ("kapitel-arbetsprocess", "2.1 Arbetsprocess för att konkretisera fullmäktiges mål"),
    ("kapitel-beskrivning-av-uppfoljning", "2.2 Beskrivning av uppföljning"),
    ("malomrade-hallbart-samhalle", "2.3 Hållbart samhälle"),
    ("malomrade-god-och-jamlik-vard", "2.4 God och jämlik hälso- och sjukvård"),
    ("malomrade-jamlik-och-attraktiv-region", "2.5 Jämlik och attraktiv region"),
    ("kapitel-uppdrag", "3 Uppdrag"),
    ("kapitel-uppdrag-fran-fullmaktige", "3.1 Uppdrag från fullmäktige till nämnd"),
    ("kapitel-uppdrag-till-beredning-folkhalsa", "3.2 Uppdrag från nämnd till beredning folkhälsa"),
    ("kapitel-ekonomi-och-budget", "4 Ekonomiska förutsättningar och budget 2023"),
    ("kapitel-plan-for-hallbar-ekonomi", "4.1 Nämndens plan för hållbar ekonomi"),
    ("kapitel-arsprognos-2022", "4.2 Årsprognos 2022"),
    ("kapitel-investeringar", "4.3 Investeringar"),
    ("kapitel-budgetforandringar-2023", "4.4 Budgetförändringar 2023"),
    ("kapitel-fordelade-budgetramar-2023", "4.5 Fördelade budgetramar 2023"),
]

# Unnumbered headings inside chapters: anchor, heading (lines 86-104, 273, 314, 371-407).
SUB_CHAPTERS = [
    ("kapitel-varde-for-invanare", "Värde för invånare: säkra att det vi gör skapar värde för invånaren"),
    ("kapitel-hallbarhet", "Hållbarhet: social, ekologisk och ekonomisk"),
    ("kapitel-jamstalldhet-jamlikhet-mangfald", "Jämställdhet, jämlikhet och mångfald"),
    ("kapitel-omstallning-forebyggande-arbete", "Omställning till förebyggande arbete"),
    ("kapitel-digitalisering-och-service", "Digitalisering och service"),
    ("kapitel-staber-och-administration", "Staber och administration"),
    ("kapitel-budget-bestallare-primarvard", "Beställare primärvård"),
    ("kapitel-budget-bestallare-tandvard", "Beställare tandvård"),
    ("kapitel-budget-digitalisering-och-service", "Digitalisering och service"),
    ("kapitel-budget-regiongemensamma-stodfunktioner", "Regiongemensamma stödfunktioner och anslag"),
    ("kapitel-budget-avskrivningar-och-pensioner", "Avskrivningar och externa pensionskostnader"),
]

# The region's twelve goals in three areas (line 70, the figure "REGION VÄSTERBOTTENS MÅL").
GOAL_AREAS = [
    ("hallbart-samhalle", "Hållbart samhälle"),
    ("god-och-jamlik-vard", "God och jämlik hälso- och sjukvård"),
    ("jamlik-och-attraktiv-region", "Jämlik och attraktiv region"),
]
REGION_GOALS = [  # number, id, name, area
    ("1", "varldens-basta-halsa", "Västerbotten har världens bästa och mest jämlika hälsa", "hallbart-samhalle"),
    ("2", "barnvanligaste-lanet", "Västerbotten är det barnvänligaste länet", "hallbart-samhalle"),
    ("3", "trygga-invanare", "Västerbotten har trygga invånare med inflytande och delaktighet och ett rikt "
     "samt aktivt kultur- och föreningsliv", "hallbart-samhalle"),
    ("4", "ledande-miljoregion", "Västerbotten är en ledande miljöregion", "hallbart-samhalle"),
    ("5", "nara-tillganglig-vard", "Vi har en nära, tillgänglig och personcentrerad vård i hela länet",
     "god-och-jamlik-vard"),
    ("6", "jamlik-vard-hog-kvalitet", "Vi levererar jämlik och jämställd hälso- och sjukvård av hög kvalitet",
     "god-och-jamlik-vard"),
    ("7", "attraktiv-arbetsgivare", "Vi är en attraktiv arbetsgivare med personal som trivs och utvecklas hos oss",
     "god-och-jamlik-vard"),
    ("8", "hallbar-ekonomi", "Vi har en långsiktigt hållbar ekonomi", "god-och-jamlik-vard"),
    ("9", "samverkanspartner", "Vi är en inkluderande, attraktiv och innovativ samverkanspartner",
     "jamlik-och-attraktiv-region"),
    ("10", "forskning-innovation-digitalisering", "Vi är ledande inom forskning, innovation och digitalisering",
     "jamlik-och-attraktiv-region"),
    ("11", "attraktiv-jamstalld-region", "Västerbotten är en attraktiv och jämställd region att leva och verka i "
     "samt flytta till", "jamlik-och-attraktiv-region"),
    ("12", "tillvaxt-jobb-foretag", "Västerbotten har ett klimat för ökad tillväxt av jobb och företag",
     "jamlik-och-attraktiv-region"),
]
# The plan has a chapter for goals 1-11 (lines 130-243); goal 12 has none.
PLAN_GOALS = [g for g in REGION_GOALS if g[0] != "12"]

# The 2024-2027 region plan's seven goals (as in vasterbotten-hsn-namndplan-2025.txt).
REGION_GOALS_2024_2027 = [
    ("1", "trygga-uppvaxtvillkor", "Trygga uppväxtvillkor"),
    ("2", "goda-levnadsvillkor", "Goda levnadsvillkor"),
    ("3", "attraktivt-hallbart-vasterbotten", "Ett attraktivt och hållbart Västerbotten"),
    ("4", "tillganglig-vard-kvalitet-kontinuitet", "Tillgänglig vård med god kvalitet och kontinuitet"),
    ("5", "goda-arbetsplatser", "Goda arbetsplatser och attraktiva arbetsgivare"),
    ("6", "hallbar-miljo-klimatregion", "En hållbar miljö- och klimatregion"),
    ("7", "forskning-utbildning-innovation", "Stärkt forskning, utbildning och innovation"),
]

# Sub-goals (the 'Delmål' column): goal id, sub-goal id, text.
SUB_GOALS = [
    # Mål 1, lines 135-136
    ("varldens-basta-halsa", "jamstalldhetsintegrerat-halsoval",
     "Beställningen och uppföljningen av hälsovalet är jämställdhetsintegrerad"),
    ("varldens-basta-halsa", "jamlikhetsanalyser-varddata", "Jämlikhetsanalyser av vårddata genomförs"),
    # Mål 2, line 143
    ("barnvanligaste-lanet", "barnrattsperspektiv",
     "Strukturerade arbetssätt för att arbeta utifrån ett barnrättsperspektiv utvecklas inom "
     "regionstyrelsens verksamheter"),
    # Mål 3, lines 150-155
    ("trygga-invanare", "sjalvservice-for-invanaren",
     "Utveckla, erbjuda och etablera fler stöd för självservice för invånaren"),
    ("trygga-invanare", "klarsprak", "Öka användningen av klarspråk"),
    ("trygga-invanare", "civil-beredskap",
     "Regionstyrelsen ska stödja regionens förmågeutveckling och själv göra en förflyttning av den egna "
     "verksamhetens förmåga till civil beredskap"),
    # Mål 4, lines 162-171 (two table parts, joined)
    ("ledande-miljoregion", "klimatutslapp-trafik", "Minska klimatutsläppen från regionens trafik"),
    ("ledande-miljoregion", "energianvandning-klimatpaverkan", "Regionen minskar energianvändning och klimatpåverkan"),
    ("ledande-miljoregion", "kallsorterat-avfall", "Öka andelen källsorterat avfall"),
    ("ledande-miljoregion", "varor-tjanster-klimatpaverkan", "Minska varor och tjänsters klimatpåverkan"),
    # Mål 5, line 180
    ("nara-tillganglig-vard", "halsovalet-krav",
     "Hälsovalet ställer tydligare krav på styrning och uppföljning av tillgänglighet, hälsofrämjande "
     "insatser och psykisk hälsa"),
    # Mål 6, line 190
    ("jamlik-vard-hog-kvalitet", "tobaksbruk",
     "Utveckla uppföljningen av sjukdomsförebyggande insatser vid tobaksbruk"),
    # Mål 7, lines 197-200
    ("attraktiv-arbetsgivare", "chefers-forutsattningar", "Chefer har starkare förutsättningar att leda"),
    ("attraktiv-arbetsgivare", "flexibla-arbetsplatser",
     "Strategier för flexibla och administrativa arbetsplatser är implementerade"),
    ("attraktiv-arbetsgivare", "kompetensforsorjningsstrategi",
     "Vi har en etablerad och känd strategi för kompetensförsörjning"),
    # Mål 8, lines 207-209
    ("hallbar-ekonomi", "lednings-och-styrningsmodell",
     "Arbetet med en gemensam lednings- och styrningsmodell är påbörjat"),
    ("hallbar-ekonomi", "kostnader-tjansteresor", "Minska kostnaderna för tjänsteresor"),
    ("hallbar-ekonomi", "drift-och-forvaltningskostnader",
     "Minskade drift- och förvaltningskostnader inom Digitalisering och Service"),
    # Mål 9, line 218
    ("samverkanspartner", "fardplan-nara-vard-2030",
     "Färdplanen Nära Vård 2030 i Västerbotten är känd och implementeringen är påbörjad i samverkan med "
     "kommunerna"),
    # Mål 10, lines 225 + 228 (one text split across a page break) and 230
    ("forskning-innovation-digitalisering", "digitaliseringsstrategin",
     "Säkerställa att digitaliseringsstrategin används på ett ändamålsenligt sätt och ger avsett resultat"),
    ("forskning-innovation-digitalisering", "forskning-medicinsk-teknik",
     "Vi är ledande inom vår forskning om medicinsk teknik och strålningsfysik och utvecklar "
     "forskningsområdet informationsteknik"),
    # Mål 11, lines 242-243
    ("attraktiv-jamstalld-region", "jamstalldhetsarbete",
     "Region Västerbotten är en central aktör i Västerbottens jämställdhetsarbete"),
    ("attraktiv-jamstalld-region", "varumarke", "Stärka Region Västerbottens varumärke"),
]
SUB_GOAL_TEXT = {sub_goal: text for _, sub_goal, text in SUB_GOALS}
SUB_GOAL_GOAL = {sub_goal: goal for goal, sub_goal, _ in SUB_GOALS}

# Every indicator row: sub-goal id, indicator id, name, 'Utfall 2021', 'Mål 2023' ("" = empty cell).
INDICATORS = [
    # Mål 1, lines 135-136
    ("jamstalldhetsintegrerat-halsoval", "jamstalldhetsintegrering-bestallningen",
     "Jämställdhetsintegrering av beställningen, *(3=helt genomfört, 0=ej påbörjat)", "", "3"),
    ("jamlikhetsanalyser-varddata", "verksamheter-jamlikhetsanalyser",
     "Antal verksamheter som genomfört jämlikhetsanalyser av vårddata", "", "2"),
    # Mål 2, line 143
    ("barnrattsperspektiv", "plan-barnrattsperspektiv",
     "Plan för strukturerat arbete med barnrättsperspektiv är framtagen", "Svar saknas", ""),
    # Mål 3, lines 150-155
    ("sjalvservice-for-invanaren", "inloggningar-1177", "Antal inloggningar på 1177", "", "3 500 000"),
    ("sjalvservice-for-invanaren", "anvandandet-av-sjalvservice", "Användandet av självservice",
     "209 266", "276 230"),
    ("sjalvservice-for-invanaren", "digitala-vardmoten", "Antal digitala vårdmöten", "26 078", "15 000"),
    ("sjalvservice-for-invanaren", "inloggningar-per-invanare-1177", "Antal inloggningar per invånare 1177 och år",
     "13,27", "10"),
    ("klarsprak", "utbildningar-klarsprak",
     "Antal utbildningar i klarspråk som erbjuds till regionstyrelsens förvaltning", "", "5"),
    ("civil-beredskap", "formageutveckling-enligt-plan",
     "Stödjer Regionstyrelsen regionens förmågeutveckling enligt plan", "Svar saknas", ""),
    # Mål 4, lines 162-171
    ("klimatutslapp-trafik", "klimatutslapp-tjansteresor", "Klimatutsläpp från tjänsteresor", "1 061", "1 010"),
    ("klimatutslapp-trafik", "klimatutslapp-patienttransporter", "Klimatutsläpp från patienttransporter",
     "1 038", "1 007"),
    ("energianvandning-klimatpaverkan", "lokalyta",
     "Lokalyta som regionen äger och hyr ska inte ökas till år 2030 i jämförelse med 2020", "673 394", "673 177"),
    ("energianvandning-klimatpaverkan", "kopt-energi", "Mängd köpt energi", "103", "99,1"),
    ("kallsorterat-avfall", "andel-kallsorterat-avfall", "Andel källsorterat avfall", "19 %", "35 %"),
    ("kallsorterat-avfall", "ny-avfallsservice", "Antal enheter inom sjukhusen som nyttjar ny avfallsservice",
     "", "100"),
    ("varor-tjanster-klimatpaverkan", "modell-klimatberakningar-inkop",
     "Utvecklat modell för övergripande klimatberäkningar kopplat till inköp av varor och tjänster",
     "Svar saknas", ""),
    ("varor-tjanster-klimatpaverkan", "miljokrav-upphandlingar", "Miljökrav ställs i prioriterade upphandlingar",
     "", "60 %"),
    # Mål 5, lines 180-183 (source "10,6%", "70%", "72%", "90%")
    ("halsovalet-krav", "samverkan-hlt-barn",
     "Andel hälsocentraler som erbjuder strukturerad samverkan kring HLT för barn 0-16år", "84 %", "100 %"),
    ("halsovalet-krav", "halsoundersokningar-40-50-60",
     "Andel utförda hälsoundersökningar av antal listade 40- 50- och 60- åriga kvinnor och män", "10,6 %", "70 %"),
    ("halsovalet-krav", "aterkopplade-kontakter-samma-dag",
     "Andel återkopplade kontakter samma dag (rådgivning eller tidsbokning) av antal inkommande "
     "samtal/kontakter", "61 %", "95 %"),
    ("halsovalet-krav", "medicinsk-bedomning-3-dagar",
     "Andel kvinnor och män som får en medicinsk bedömning inom 3 dagar i enlighet med vårdgarantin",
     "72 %", "90 %"),
    # Mål 6, line 190
    ("tobaksbruk", "avgiftsfri-tobaksavvanjning",
     "Antal patienter som tagit del av avgiftsfri tobaksavvänjning i primärvården", "", "60"),
    # Mål 7, lines 197-200
    ("chefers-forutsattningar", "hme-chefer", "Hållbart medarbetarengagemang för chefer ska öka", "", "85"),
    ("chefers-forutsattningar", "medarbetare-per-chef", "Antal medarbetare per chef", "", "55 %"),
    ("flexibla-arbetsplatser", "distansarbete",
     "Medarbetare som använder möjligheten att jobba på distans i någon omfattning", "", "1 600"),
    ("kompetensforsorjningsstrategi", "atgarder-kompetensforsorjningsstrategin",
     "Antal beslutade åtgärder i kompetensförsörjningsstrategin som är påbörjade", "", "5"),
    # Mål 8, lines 207-209
    ("lednings-och-styrningsmodell", "ledningsgrupper-enhetlig-modell",
     "Antal ledningsgrupper som påbörjat arbetet med enhetlig modell för ledning och styrning inom "
     "Region Västerbotten", "", "10"),
    ("kostnader-tjansteresor", "minska-kostnader-tjansteresor",
     "Minska kostnaderna för tjänsteresor med 15 procent jämfört med utfall 2022", "", "-15 %"),
    ("drift-och-forvaltningskostnader", "minska-drift-och-forvaltningskostnader",
     "Minska drift- och förvaltningskostnader med 17 miljoner kronor inom Digitalisering och Service "
     "jämfört med budget 2023.", "", "-17"),
    # Mål 9, line 218
    ("fardplan-nara-vard-2030", "huvudman-beslut-fardplanen",
     "Antal huvudmän (kommuner och regioner) som har fattat beslut om färdplanen Nära vård 2030", "", "16"),
    # Mål 10, lines 225-232
    ("digitaliseringsstrategin", "interna-externa-digitala-moten", "Antal interna och externa digitala möten",
     "278 553", "150 000"),
    ("digitaliseringsstrategin", "effekthemtagning-digitalisering", "Effekthemtagning för digitalisering",
     "", "90 000 000"),
    ("digitaliseringsstrategin", "intelligent-automation",
     "Intelligent automation, antal arbetstimmar som automatiseras", "", "120 000"),
    ("forskning-medicinsk-teknik", "doktorander-informationsteknik",
     "Antal doktorander inom forskningsområdet informationsteknik", "", "1"),
    ("forskning-medicinsk-teknik", "publikationer-informationsteknik",
     "Antal forskningspublikationer inom forskningsområdet informationsteknik", "", "0"),
    ("forskning-medicinsk-teknik", "forskningsansokningar-informationsteknik",
     "Antal forskningsansökningar inom forskningsområdet informationsteknik", "", "0"),
    # Mål 11, lines 242-243
    ("jamstalldhetsarbete", "aktiviteter-i-samverkan", "Antal aktiviteter i samverkan som genomförs", "", "5"),
    ("varumarke", "aktiviteter-varumarkesplanen",
     "Antal beslutade aktiviteter i varumärkesplanen som är påbörjade", "", "3"),
]

# Assignments, lines 249-261: chapter anchor, id, status, 'Uppdrag' cell, periodicity, end date.
TERTIAL = "Tertial: apr, aug, dec"
ASSIGNMENTS = [
    ("kapitel-uppdrag-fran-fullmaktige", "samverkans-och-motesstrukturer", "Ej påbörjad",
     "Kartlägga och optimera samverkans- och mötesstrukturer för att frigöra tid och eller minska bemanning "
     "Uppdraget riktas till alla nämnder med särskilt uppdrag till regionstyrelsen att samordna",
     TERTIAL, "2023-12-31"),
    ("kapitel-uppdrag-fran-fullmaktige", "styrd-inkopsprocess", "Ej påbörjad",
     "Införa styrd inköpsprocess och standardsortiment för att minska inköpskostnaderna "
     "Riktas till hälso- och sjukvårdsnämnden samt regionstyrelsen",
     TERTIAL, "2023-12-31"),
    ("kapitel-uppdrag-fran-fullmaktige", "forstudie-logistik-inkopsflode", "Ej påbörjad",
     "Genomföra förstudie för att se över logistik och inköpsflödet för medicinskt förbrukningsmateriel och "
     "hjälpmedel i syfte att minska totalkostnaden. Riktas till hälso- och sjukvårdsnämnden samt regionstyrelsen",
     TERTIAL, "2023-12-31"),
    ("kapitel-uppdrag-fran-fullmaktige", "kartlaggning-tjanster-och-funktioner", "Ej påbörjad",
     "Genomföra kartläggning av tjänster och funktioner som kan optimeras, arbetsuppgifter som kan "
     "effektiviseras och delar där ambitionen kan sänkas alternativt pausas. Riktas till alla nämnder med "
     "särskilt uppdrag till regionstyrelsen att samordna",
     TERTIAL, "2023-12-31"),
    ("kapitel-uppdrag-fran-fullmaktige", "genomlysning-primarvardsbestallningen", "Ej påbörjad",
     "Genomföra en genomlysning av primärvårdsbeställningen och drift för förbättrad tillgänglighet och "
     "kostnadspåverkan Riktas till regionstyrelsen",
     TERTIAL, "2023-12-31"),
    ("kapitel-uppdrag-till-beredning-folkhalsa", "folkhalsopolitisk-strategi", "Ej påbörjad",
     "Utarbeta folkhälsopolitisk strategi", TERTIAL, "2023-12-31"),
]

# Budget table, lines 360-369.
BUDGET_CAPTION = "Budgetramar 2023 per anslagsnivå"
BUDGET_HEADERS = ["Regionstyrelsen", "Budget 2022", "Omfördelning 2022", "Budget förändring 2023",
                  "Löne- och prisindex", "Budget 2023", "Plan 2024", "Plan 2025", "Plan 2026"]
BUDGET_ROWS = [
    ["Beställare primärvård", "1 432", "2,9", "3,9", "57,4", "1 496,0", "1 542", "1 592", "1 641"],
    ["Beställare tandvård", "136", "", "10,0", "10,6", "156,3", "161", "166", "171"],
    ["Digitalisering och service", "920", "-5,5", "6,2", "37,9", "958,6", "987", "1 019", "1 050"],
    ["Regiongemensamma stödfunktioner och anslag", "-485", "8,6", "-9,5", "-114,9", "-600,5", "-618", "-638",
     "-657"],
    ["Avskrivningar", "480", "", "69,8", "", "550,0", "585", "600", "600"],
    ["Externa pensionskostnader", "1 076", "", "233,0", "", "1 309,0", "1 454", "1 171", "1 173"],
    ["Summa Regionstyrelse", "3 559", "6,0", "313,4", "-9,0", "3 869,4", "4 111", "3 910", "3 978"],
]

# The explanations after the budget table (lines 371-411): section anchor, its sub-headings.
BUDGET_EXPLANATIONS = [
    ("kapitel-budget-bestallare-primarvard", ["Ungdomsmottagningar"]),
    ("kapitel-budget-bestallare-tandvard", ["Ökad ersättning barnkapitering"]),
    ("kapitel-budget-digitalisering-och-service",
     ["Utökad städning på grund av pandemin", "Utökad lokalvård", "Centralkassor", "Digitaliseringsinitiativ"]),
    ("kapitel-budget-regiongemensamma-stodfunktioner", ["Tessa"]),
    ("kapitel-budget-avskrivningar-och-pensioner", []),
]

# The four perspectives, lines 77-80.
PERSPECTIVES = [
    "Värde för invånaren: säkra att det vi gör skapar värde för invånaren",
    "Hållbarhet: social, ekologisk och ekonomisk",
    "Jämställdhet, jämlikhet och mångfald",
    "Omställning till förebyggande arbete.",
]

# 4.1, lines 283-288 (the second item continues across a page break at line 286).
DIGITAL_SERVICES = [
    "Digitala vårdmöten – digitalt alternativ till fysiska vårdmöten och effektiv kollegial konsultation och "
    "samarbeten över vårdgivargränser",
    "Nationella tjänster Webbtidbok och Stöd och behandling – ökat nyttjande av webbtidbok för att boka och "
    "omboka vårdbesök på nätet. Stöd och behandlingsplattformen ger invånarna tillgång till vård, "
    "rehabilitering och information på distans",
    "Mobil självcheckning",
    "Digital ingång syftar till att öka tillgängligheten och patienternas delaktighet i sin vård och minska "
    "behovet av resande och väntan i telefon och väntrum. Detta arbetssätt medför också ett förändrat "
    "arbetssätt. Digital ingång innebär att patienter via en webbapplikation kan få rådgivning utifrån sina "
    "besvär och kan chatta med vårdpersonal",
]

# Sentences sampled across every chapter, start to end.
NARRATIVE = [
    # 1.1 (44-48)
    "Regionstyrelsen är regionens ledande politiska förvaltningsorgan och som sådant ansvarigt för att leda "
    "och samordna förvaltningen i Region Västerbotten.",
    "Styrelsen har utöver detta ett ansvar för folkhälsa ur ett invånarperspektiv.",
    "Regionstyrelsens förvaltningsorganisation leds av regiondirektören och består av fyra staber och ett "
    "verksamhetsområde.",
    # 1.2 (54-62; 58/60 is one sentence split by a page break)
    "En region där hälsa, vård och utveckling hänger ihop och stärker varandra.",
    "Vi drivs av att hela länet ska vara en trygg och stark region som människor vill leva i, flytta till, "
    "besöka och samarbeta med.",
    "Vi gör skillnad för dem vi finns till för och får fler att välja Västerbotten.",
    # 1.3 (66-68)
    "I regionplanen anger regionfullmäktige tolv mål inom tre målområden.",
    "Dessa mål riktas därför till berörda nämnder.",
    "REGION VÄSTERBOTTENS MÅL:",
    # 1.4 (75-106)
    "I regionplanen fastställs även fyra perspektiv som ska genomsyra all verksamhet inom hela Region "
    "Västerbottens välfärds- och utvecklingsuppdrag",
    "Region Västerbotten ställer nu om för en långsiktig hållbar ekonomi.",
    "Inom folkhälsoarbetet är VHU ett viktigt och omfattande verktyg som både förebygger dödsfall",
    "Regionstyrelsen har ett ansvar för regionen är inkluderande för alla människor i Västerbotten.",
    "Ekologisk hållbarhet innebär att samhället utvecklas i samklang med, och nyttjar naturen inom de gränser "
    "som ekosystemen klarar av.",
    "För Regionstyrelsen innebär det att ny- och ombyggnader görs med hög självfinansieringsgrad",
    "arbete mot våld i nära relationer och kompetensutveckling vad gäller jämställdhet, jämlikhet och mångfald.",
    "Styrelsen ska skapa förutsättningar för hälso- och sjukvården att vara ett hälsofrämjande stöd till "
    "invånare både före, under och efter tiden som patient.",
    # 1.5 (110-116; 114/116 is one sentence split by a page break)
    "De senaste årens pandemi har inneburit nya utmaningar men också nya möjligheter.",
    "Strategin kompletteras av en åtgärdsplan för kompetensförsörjning och en åtgärdsplan för Seniora "
    "medarbetare.",
    "Regionstyrelsen ska genom sina uppdrag på olika sätt vara ett stöd för organisationen i arbete med "
    "styrning, ledning och effektivisering för en hållbar ekonomi.",
    "Speciellt kan nämnas regionens kostnader för pensioner som kraftigt ökar år 2023 på grund av den höga "
    "inflationen.",
    # 2.1, 2.2 (122-126)
    "Arbetet startades upp i februari med utgångspunkt från regionplanens mål samt styrelsens plan för 2022.",
    "I planeringen 2023 har delmål införts som en del i strukturen för alla nämnder.",
    "Flertalet av de sk. stödjande indikatorerna från planen 2022 återfinns i beställningen",
    # goal introductions (132-239)
    "Uppdragen innebär att samverka med externa aktörer för att främja en jämlik hälsa",
    "Regionstyrelsens uppdrag är att tillsammans med de andra nämnderna utveckla arbetet med barnrättsfrågor.",
    "Trygghet, tillgänglighet, transparens och delaktighet är viktiga värden inom ramen för fullmäktiges mål 3.",
    "Regionstyrelsen ska skapa förutsättningar för att regionen ska kunna minska sin miljö- och klimatpåverkan.",
    "Regionstyrelsen ansvarar för beställning av hälsoval primärvård och allmäntandvård för barn och unga vuxna.",
    "stödja hälso- och sjukvårdsnämnden i omställningen till ett hälsofrämjande arbetssätt samt i arbetet med "
    "jämställd och jämlik vård.",
    "konkurrenskraftiga löner och att tillvarata medarbetarnas kompetens",
    "äger det strategiska utvecklingsansvaret för regionövergripande processer inom området.",
    "sker en omfattande samverkan med olika aktörer inom och utanför länet.",
    "Styrelsen ska genom sina övriga uppdrag på olika sätt vara ett stöd för organisationen i arbetet med "
    "digitalisering.",
    "Styrelsen ansvarar också för varumärket Region Västerbotten.",
    # 4 (265-269)
    "De senaste åren har pandemin påverkat ekonomin globalt, nationellt och regionalt.",
    "Kriget i Ukraina påverkar särskilt den europeiska ekonomin negativt",
    "Sammantaget innebär detta en stor utmaning för Region Västerbotten då kostnadsökningarna överstiger "
    "ökningen i skatteunderlaget.",
    # 4.1 (277-334)
    "Det absolut största digitaliseringsinitiativet är införande av framtidens vårdinformationssystem COSMIC.",
    "COSMIC planeras driftsättas första halvåret 2024.",
    "Exempel på digitala tjänster som kommer att fortsätta att utvecklas under år 2023.",
    "Rapportsystemet Diver är ett gammalt system som inte möter behoven att visualisera och tolka data samt "
    "prediktera utveckling.",
    "Städverksamheten har beviljats budgetmedel för att leva upp till vårdhygiens krav och närma sig svensk "
    "hygienstandard.",
    "Uppdraget är formulerat som oförändrad lokalyta 2030 jämfört med 2020.",
    "Sjukresor, Utvecklingsarbete inom sjukresor består av samarbete med Länstrafiken samt effektiviseringar "
    "med hjälp av digitala processer.",
    "I samband med den nya enheten tillkomst så har Memeologen avvecklats.",
    "Utmaningen är att upprätthålla kompetensen inom registraturen och arkivet",
    "Fortsatt arbete med Västerbottens Hälsoundersökningar och tobaksfri Duo.",
    "Ett nytt intranät lanseras under året..",
    "Ekonomistaben: Utvecklingsarbete med nytt verksamhets- och planeringssystem Stratsys, Power BI och "
    "Agresso Planner pågår.",
    # 4.2 (338)
    "en positiv budgetavvikelse på totalt 71 miljoner kronor och en ökad nettokostnadsutveckling på 11,8 procent.",
    "bedöms uppnådd effekt vara 22 miljoner kronor vilket ger måluppfyllelse på 276%.",
    "Regionstyrelsens prognos för 2022 är ett överskott mot budget på 31 miljoner kronor.",
    # 4.3 (342-350)
    "Totalt för planperioden uppgår regionens planerade investeringsutgifter till 3 781 miljoner kronor.",
    "År 2023 uppgår investeringsbudgeten till 924 miljoner kronor.",
    "Totalt planeras år 2023 fastighetsinvesteringar för 678 miljoner kronor.",
    "Totalt planeras år 2023 investeringar i medicinteknisk utrustning för 170 miljoner kronor.",
    "Totalt planeras år 2023 IT-investeringar för 46 miljoner kronor.",
    "I övrigt planeras investeringar inom områdena Hjälpmedel och Regional utveckling för 29 miljoner kronor "
    "respektive 1 miljon kronor.",
    # 4.4 (354-356)
    "Regionfullmäktige beslutar att ställa 3 869 miljoner kronor till regionstyrelsens förfogande i 2023 års "
    "budget.",
    "Styrelsens budget är uppdelad på beställare primärvård, beställare tandvård, Digitalisering och Service, "
    "Regiongemensamma stödfunktioner och anslag, avskrivningar samt externa pensionskostnader.",
    # 4.5 explanations (375-411)
    "I regionplanen 2022 beslutades om permanent finansiering av ungdomsmottagningarna från och med 2023 med "
    "3,9 miljoner kronor.",
    "erhåller Beställare tandvård 10 miljoner kronor i budgettillskott för en ökad ersättning för barnkapitering.",
    "förlänga budgettillskottet för utökad städning med 2 miljoner kronor till och med 2022.",
    "utökas budgeten för lokalvård med 0,9 miljoner kronor.",
    "Därmed omfördelas medel för bemanning till Digitalisering och Service med totalt 3,6 miljoner kronor.",
    "ska en fördelning av budget ske mellan hälso- och sjukvårdsnämnden och regionstyrelsen med 3,7 miljoner "
    "kronor.",
    "Region Västerbotten har upphandlat ett nytt system för resurshantering, Tessa.",
    "1,4 miljoner kronor flyttas från hälso- och sjukvårdsnämnden till regionstyrelsen.",
    "Avskrivningskostnaderna prognosticeras öka med 70 miljoner kronor. Budget ökas med motsvarande belopp.",
    "Utifrån Region Västerbottens pensionsförvaltares prognos budgeteras en ökad pensionskostnad med "
    "233 miljoner kronor.",
]

# What the conversion left behind and must not be on the page.
ARTIFACTS = ["[bookmark", "_Toc", "<b>", "</b>", "<i>", "</i>", "<sup>", "<p>", "</p>", "image1", ".jpeg",
             "Ordförandens sign", "Sida 2(", ".....", "Innehållsförteckning", "--\t", " --- ",
             "Inledning 3", "budget 2023 11"]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def heading_text(element) -> str:
    """A heading's visible text without its permalink."""
    text = cell_text(element)
    return norm(text[:-1]) if text.endswith("#") else text


def resolve(href: str) -> str:
    """An href on the plan page as a site-absolute URL."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(URL, path)) + "/" if path else URL
    target = target.replace("//", "/")
    return f"{target}#{fragment}" if fragment else target


def goal_heading(site, goal_id: str):
    element = site.element(URL, f"mal-{goal_id}")
    assert element.name in {"h3", "h4", "h5"}, f"#mal-{goal_id} is a {element.name}, not a heading"
    return element


def facts(site) -> dict[str, str]:
    dl = site.content(URL).select_one("dl.op-facts")
    assert dl is not None, "the plan page has no facts list"
    return {norm(dt.get_text(" ")): norm(dd.get_text(" ")) for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"))}


def budget_table(site):
    wrapper = site.element(URL, "tabell-budgetramar-2023")
    table = wrapper if wrapper.name == "table" else wrapper.find("table")
    assert table is not None, "#tabell-budgetramar-2023 holds no table"
    return table


# --------------------------------------------------------------------------
# Plan facts and chapters
# --------------------------------------------------------------------------

def test_title(site):
    title = heading_text(site.content(URL).find("h1"))
    assert "Nämndplan 2023" in title and "Regionstyrelsen" in title, title


@pytest.mark.parametrize("label, expected", FACTS.items())
def test_plan_fact(site, label, expected):
    assert facts(site).get(label) == expected, f"{label}: {facts(site).get(label)!r}, source says {expected!r}"


def test_decided_date_and_body(site):
    decided = facts(site).get("Beslutad", "")
    assert DECIDED_DATE in decided, f"Beslutad: {decided!r}, source: 2022-12-06"
    assert "regionstyrelsen" in decided.lower(), f"Beslutad: {decided!r}, source: av Regionstyrelsen"


def test_follows_region_plan_2023(site):
    link = site.content(URL).select_one("dl.op-facts a[href*='#malstruktur-']")
    assert link is not None, "no 'Följer' link to the region plan's goal structure"
    assert resolve(link["href"]) == "/vasterbotten/#malstruktur-regionplan-2023", link["href"]


def test_follows_names_the_goal_structure_without_repeating_the_year(site):
    follows = facts(site).get("Följer", "")
    assert "2023" in follows, follows
    assert not re.search(r"\b(\d{4}(?:–\d{4})?) \1\b", follows), f"the year is repeated: {follows!r}"


@pytest.mark.parametrize("anchor, heading", CHAPTERS + SUB_CHAPTERS, ids=[a for a, _ in CHAPTERS + SUB_CHAPTERS])
def test_chapter_heading(site, anchor, heading):
    element = site.element(URL, anchor)
    assert re.fullmatch(r"h[1-6]", element.name), f"#{anchor} is a {element.name}, not a heading"
    assert heading_text(element) == heading


def test_chapters_in_source_order(site):
    ids = [h.get("id") for h in site.content(URL).find_all(re.compile(r"^h[2-6]$"))]
    order = [anchor for anchor, _ in CHAPTERS]
    positions = [ids.index(anchor) for anchor in order if anchor in ids]
    assert positions == sorted(positions) and len(positions) == len(order), "chapters out of source order"


# --------------------------------------------------------------------------
# 1.3 goal overview, 1.4 perspectives, 4.1 list
# --------------------------------------------------------------------------

def test_goal_overview_lists_all_twelve_region_goals(site):
    chapter = site.element(URL, "kapitel-politisk-styrning-och-mal")
    overview = chapter.find_next("ul", class_="op-overview")
    assert overview is not None, "1.3 has no goal overview"
    assert overview.find_previous(re.compile(r"^h[2-4]$")) is chapter, "the overview is not in chapter 1.3"
    areas = [norm(strong.get_text(" ")) for strong in overview.find_all("strong")]
    assert areas == [name for _, name in GOAL_AREAS]
    links = overview.find_all("a")
    assert len(links) == 12, f"{len(links)} goals in the overview, the source has twelve"
    for link, (number, goal_id, name, area) in zip(links, REGION_GOALS):
        assert resolve(link["href"]) == f"/vasterbotten/#mal-{goal_id}", link["href"]
        text = norm(link.get_text(" "))
        assert name in text, f"overview item {text!r} lacks {name!r}"
        area_name = dict(GOAL_AREAS)[area]
        assert norm(link.find_parent("ul").find_parent("li").find("strong").get_text(" ")) == area_name
        site.element(REGION_URL, f"mal-{goal_id}")  # the target exists


def test_four_perspectives(site):
    chapter = site.element(URL, "kapitel-perspektiv")
    ul = chapter.find_next("ul")
    assert [norm(li.get_text(" ")) for li in ul.find_all("li")] == PERSPECTIVES


def test_digital_services_list_joined_across_page_break(site):
    heading = site.element(URL, "kapitel-digitalisering-och-service")
    ul = heading.find_next("ul")
    assert [norm(li.get_text(" ")) for li in ul.find_all("li")] == DIGITAL_SERVICES


def test_plan_41_sub_headings(site):
    heading = site.element(URL, "kapitel-digitalisering-och-service")
    following = site.element(URL, "kapitel-staber-och-administration")
    subs = [norm(p.get_text(" ")) for p in heading.find_all_next(class_="op-subheading")
            if p.find_previous(re.compile(r"^h[2-6]$")) is heading]
    assert subs == ["Digitalisering", "Service"]
    assert following.find_previous(re.compile(r"^h[2-4]$")).get("id") == "kapitel-digitalisering-och-service"


# --------------------------------------------------------------------------
# Goal areas, goals, sub-goals, indicators
# --------------------------------------------------------------------------

@pytest.mark.parametrize("area_id, name", GOAL_AREAS)
def test_goal_area_heading(site, area_id, name):
    assert name in heading_text(site.element(URL, f"malomrade-{area_id}"))


@pytest.mark.parametrize("number, goal_id, name, area", PLAN_GOALS, ids=[g[1] for g in PLAN_GOALS])
def test_goal_heading(site, number, goal_id, name, area):
    heading = goal_heading(site, goal_id)
    text = heading_text(heading)
    # Source, e.g. line 130: "Mål 1. Västerbotten har världens bästa och mest jämlika hälsa"
    assert text == f"Mål {number}. {name}", f"heading {text!r}, source: 'Mål {number}. {name}'"
    area_heading = heading.find_previous(id=re.compile(r"^malomrade-"))
    assert area_heading is not None and area_heading["id"] == f"malomrade-{area}", \
        f"Mål {number} is not under its goal area {area}"


@pytest.mark.parametrize("number, goal_id, name, area", PLAN_GOALS, ids=[g[1] for g in PLAN_GOALS])
def test_goal_serves_region_goal(site, number, goal_id, name, area):
    serves = goal_heading(site, goal_id).find_next("p", class_="op-serves")
    assert serves is not None and serves.find_previous(id=re.compile(r"^mal-")).get("id") == f"mal-{goal_id}"
    link = serves.find("a")
    assert resolve(link["href"]) == f"/vasterbotten/#mal-{goal_id}", link["href"]
    assert name in norm(link.get_text(" "))


def test_no_chapter_for_goal_12(site):
    assert site.page(URL).find(id="mal-tillvaxt-jobb-foretag") is None, "the source has no chapter for Mål 12"


def _goal_of(element):
    return element.find_previous(id=re.compile(r"^mal-")).get("id")[len("mal-"):]


@pytest.mark.parametrize("goal_id, sub_goal_id, text", SUB_GOALS, ids=[s[1] for s in SUB_GOALS])
def test_sub_goal(site, goal_id, sub_goal_id, text):
    element = site.element(URL, f"delmal-{sub_goal_id}")
    assert cell_text(element.select_one("th.op-subgoal")) == text
    assert _goal_of(element) == goal_id, f"sub-goal {sub_goal_id} is under mål {_goal_of(element)}"


def test_sub_goal_count(site):
    found = [e["id"] for e in site.content(URL).select("[id^=delmal-]")]
    assert sorted(found) == sorted(f"delmal-{s}" for _, s, _ in SUB_GOALS), found


@pytest.mark.parametrize("sub_goal_id, indicator_id, name, outcome, target", INDICATORS,
                         ids=[i[1] for i in INDICATORS])
def test_indicator_row(site, sub_goal_id, indicator_id, name, outcome, target):
    row = site.row(URL, f"indikator-{indicator_id}")
    expected = {"Delmål": SUB_GOAL_TEXT[sub_goal_id], "Indikatorer": name,
                "Utfall 2021": outcome, "Mål 2023": target}
    assert row == expected
    element = site.row_element(URL, f"indikator-{indicator_id}")
    assert _goal_of(element) == SUB_GOAL_GOAL[sub_goal_id], f"{indicator_id} is not under its goal"


def test_indicator_count(site):
    found = [tr["id"] for tr in site.content(URL).select("[id^=indikator-]")]
    assert found == [f"indikator-{i[1]}" for i in INDICATORS], "indicator rows differ from the source"


@pytest.mark.parametrize("number, goal_id, name, area", PLAN_GOALS, ids=[g[1] for g in PLAN_GOALS])
def test_one_sub_goal_table_per_goal(site, number, goal_id, name, area):
    """Tables split by page breaks in the source (Mål 4, Mål 10) are one table on the page."""
    tables = [t for t in site.content(URL).select("table") if t.select("[id^=indikator-]")
              and _goal_of(t) == goal_id]
    assert len(tables) == 1, f"Mål {number} has {len(tables)} indicator tables"
    expected = [f"indikator-{i[1]}" for i in INDICATORS if SUB_GOAL_GOAL[i[0]] == goal_id]
    assert [tr["id"] for tr in tables[0].select("tbody tr[id^=indikator-]")] == expected
    headers = table_grid(tables[0])[1]
    assert headers == ["Delmål", "Indikatorer", "Utfall 2021", "Mål 2023"]


@pytest.mark.parametrize("sub_goal_id", sorted({i[0] for i in INDICATORS}))
def test_sub_goal_cell_spans_its_indicators(site, sub_goal_id):
    cell = site.element(URL, f"delmal-{sub_goal_id}").select_one("th.op-subgoal")
    count = sum(1 for i in INDICATORS if i[0] == sub_goal_id)
    assert int(cell.get("rowspan", 1)) == count, f"{sub_goal_id} spans {cell.get('rowspan', 1)} rows, not {count}"
    assert cell.find_parent("tr")["id"] == f"indikator-{next(i[1] for i in INDICATORS if i[0] == sub_goal_id)}"


def test_mal_10_split_sub_goal_is_one_text(site):
    page_text = site.text(URL)
    assert "Säkerställa att digitaliseringsstrategin används på ett ändamålsenligt sätt och ger avsett resultat" \
        in page_text
    cells = [cell_text(th) for th in site.content(URL).select("th.op-subgoal")]
    assert "ett ändamålsenligt sätt och ger avsett resultat" not in cells
    assert "Säkerställa att digitaliseringsstrategin används på" not in cells


# --------------------------------------------------------------------------
# Assignments
# --------------------------------------------------------------------------

@pytest.mark.parametrize("chapter, assignment_id, status, text, periodicity, end", ASSIGNMENTS,
                         ids=[a[1] for a in ASSIGNMENTS])
def test_assignment_row(site, chapter, assignment_id, status, text, periodicity, end):
    row = site.row(URL, f"uppdrag-{assignment_id}")
    assert row == {"Status": status, "Uppdrag": text, "Periodicitet": periodicity, "Slutdatum": end}
    element = site.row_element(URL, f"uppdrag-{assignment_id}")
    section = element.find_previous(re.compile(r"^h[2-4]$"))
    assert section.get("id") == chapter, f"{assignment_id} is under {section.get('id')}, not {chapter}"


def test_assignment_count(site):
    found = [tr["id"] for tr in site.content(URL).select("[id^=uppdrag-]")]
    assert found == [f"uppdrag-{a[1]}" for a in ASSIGNMENTS]


# --------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------

def test_budget_caption_and_headers(site):
    table = budget_table(site)
    caption = norm(table.caption.get_text(" "))
    assert caption.startswith(BUDGET_CAPTION), caption
    assert "mnkr" in caption or "miljoner kronor" in caption, f"the caption does not name the unit: {caption!r}"
    assert table_grid(table)[1] == BUDGET_HEADERS
    assert table.find_previous(re.compile(r"^h[2-4]$")).get("id") == "kapitel-fordelade-budgetramar-2023"


@pytest.mark.parametrize("expected", BUDGET_ROWS, ids=[r[0] for r in BUDGET_ROWS])
def test_budget_row(site, expected):
    grid, headers = table_grid(budget_table(site))
    rows = {row[0]: row for row in grid}
    assert expected[0] in rows, f"no budget row {expected[0]!r}"
    assert dict(zip(headers, rows[expected[0]])) == dict(zip(BUDGET_HEADERS, expected))


def test_budget_row_count_and_order(site):
    grid, _ = table_grid(budget_table(site))
    assert [row[0] for row in grid] == [row[0] for row in BUDGET_ROWS]


def test_budget_cells_have_no_unit(site):
    for td in budget_table(site).select("tbody td"):
        text = cell_text(td)
        assert "mnkr" not in text and "kr" not in text and "%" not in text, text


@pytest.mark.parametrize("anchor, sub_headings", BUDGET_EXPLANATIONS, ids=[b[0] for b in BUDGET_EXPLANATIONS])
def test_budget_explanation_section(site, anchor, sub_headings):
    heading = site.element(URL, anchor)
    assert heading.find_previous(re.compile(r"^h[2-3]$")).get("id") == "kapitel-fordelade-budgetramar-2023"
    assert heading.find_previous("table") is budget_table(site), f"{anchor} does not follow the budget table"
    found = [norm(p.get_text(" ")) for p in heading.find_all_next(class_="op-subheading")
             if p.find_previous(re.compile(r"^h[2-6]$")) is heading]
    assert found == sub_headings


# --------------------------------------------------------------------------
# Narrative and artifacts
# --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", NARRATIVE, ids=[s[:40] for s in NARRATIVE])
def test_narrative(site, sentence):
    assert norm(sentence) in site.text(URL)


@pytest.mark.parametrize("artifact", ARTIFACTS)
def test_no_conversion_artifact(site, artifact):
    assert artifact not in site.content(URL).get_text(" "), f"conversion artifact {artifact!r} on the page"


def test_no_markdown_escape_in_permalink_labels(site):
    """'\\*' in the YAML is Markdown for a literal '*': no reader may see the backslash,
    neither in the visible text, nor in the screen-reader text or tooltip of a permalink."""
    text = site.text(URL)
    position = text.find("\\")
    assert position < 0, f"a Markdown backslash escape is in the page text: {text[position - 60:position + 40]!r}"
    for link in site.content(URL).select("a.op-permalink"):
        for attribute in ("title", "aria-label"):
            assert "\\" not in link.get(attribute, ""), f"backslash in permalink {attribute} {link.get(attribute)!r}"


def test_star_note_kept_in_indicator_name(site):
    row = site.row(URL, "indikator-jamstalldhetsintegrering-bestallningen")
    assert row["Indikatorer"] == "Jämställdhetsintegrering av beställningen, *(3=helt genomfört, 0=ej påbörjat)"


# --------------------------------------------------------------------------
# The region page: both goal structures, and this plan's goals under each 2023 goal
# --------------------------------------------------------------------------

def _region_goal(site, goal_id):
    return site.element(REGION_URL, f"mal-{goal_id}")


def test_region_page_has_both_goal_structures(site):
    h2023 = site.element(REGION_URL, "malstruktur-regionplan-2023")
    h2024 = site.element(REGION_URL, "malstruktur-regionplan-2024-2027")
    assert "2023" in heading_text(h2023)
    assert "2024–2027" in heading_text(h2024)


def test_region_goal_structure_heading_does_not_repeat_the_year(site):
    for anchor in ("malstruktur-regionplan-2023", "malstruktur-regionplan-2024-2027"):
        text = heading_text(site.element(REGION_URL, anchor))
        assert not re.search(r"\b(\d{4}(?:–\d{4})?) \1\b", text), f"the year is repeated: {text!r}"


@pytest.mark.parametrize("area_id, name", GOAL_AREAS)
def test_region_page_2023_goal_area(site, area_id, name):
    heading = site.element(REGION_URL, f"malomrade-{area_id}")
    assert heading_text(heading) == name
    assert heading.find_previous(id=re.compile(r"^malstruktur-"))["id"] == "malstruktur-regionplan-2023"


@pytest.mark.parametrize("number, goal_id, name, area", REGION_GOALS, ids=[g[1] for g in REGION_GOALS])
def test_region_page_2023_goal(site, number, goal_id, name, area):
    goal = _region_goal(site, goal_id)
    strong = norm(goal.find("strong").get_text(" "))
    assert re.fullmatch(rf"(Mål )?{number}[.:]? {re.escape(name)}", strong), strong
    assert goal.find_previous(id=re.compile(r"^malomrade-"))["id"] == f"malomrade-{area}"
    assert goal.find_previous(id=re.compile(r"^malstruktur-"))["id"] == "malstruktur-regionplan-2023"


def test_region_page_2023_has_twelve_goals(site):
    heading = site.element(REGION_URL, "malstruktur-regionplan-2023")
    goals = [li["id"] for li in site.content(REGION_URL).select("li.op-region-goal")
             if li.find_previous(id=re.compile(r"^malstruktur-")) is heading]
    assert goals == [f"mal-{g[1]}" for g in REGION_GOALS]


def test_region_page_2024_2027_has_seven_goals(site):
    heading = site.element(REGION_URL, "malstruktur-regionplan-2024-2027")
    goals = [li for li in site.content(REGION_URL).select("li.op-region-goal")
             if li.find_previous(id=re.compile(r"^malstruktur-")) is heading]
    assert [li["id"] for li in goals] == [f"mal-{g[1]}" for g in REGION_GOALS_2024_2027]
    for li, (number, _, name) in zip(goals, REGION_GOALS_2024_2027):
        assert name in norm(li.find("strong").get_text(" "))


@pytest.mark.parametrize("number, goal_id, name, area", PLAN_GOALS, ids=[g[1] for g in PLAN_GOALS])
def test_region_goal_lists_this_plans_goal(site, number, goal_id, name, area):
    goal = _region_goal(site, goal_id)
    links = [a for a in goal.select("ul a") if "rs-namndplan-2023" in a.get("href", "")]
    assert len(links) == 1, f"region goal {number} does not list Regionstyrelsen's Nämndplan 2023"
    assert links[0]["href"] == f"planer/rs-namndplan-2023/#mal-{goal_id}"
    text = norm(links[0].get_text(" "))
    assert "Regionstyrelsen" in text and "Nämndplan 2023" in text, text
    site.element(URL, f"mal-{goal_id}")  # the target exists


def test_region_goal_12_lists_no_goal_of_this_plan(site):
    goal = _region_goal(site, "tillvaxt-jobb-foretag")
    assert not [a for a in goal.select("a") if "rs-namndplan-2023" in a.get("href", "")]
