"""The minutes of Hälso- och sjukvårdsutskottet 7–8 december 2023 (§§ 90–98) are on the site
completely and with the values of the source document:
/work/shared/sources/vasternorrland-hsu-protokoll-2023-12-07.txt

Every expected value below is typed from the source, never from the YAML.
"""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import norm

URL = "/vasternorrland/protokoll/hsu-2023-12-07/"
PLAN_URL = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"

# ---------------------------------------------------------------------------
# Expected data, from the source
# ---------------------------------------------------------------------------

# Head of the minutes (source lines 3–20).
FACTS = {
    "Organ": "Hälso- och sjukvårdsutskottet",
    "Datum": "7–8 december 2023",
    "Tid": "kl. 09:15",
    "Plats": 'Regionens hus i Härnösand, E-huset, lokal "Nämndsalen"',
    "Diarienummer": "23HSN1",
    "Tjänsteställe": "Regionledningsförvaltningen",
    "Handläggare": "Maria Öhman",
}

# The head's "Tjänsteställe, handläggare" (source lines 3–5), both lines.
HEAD_OFFICE, HEAD_OFFICER = "Regionledningsförvaltningen", "Maria Öhman"

# The sentence that opens the information items (source line 44).
INFORMATION_INTRO = "Inför mötet lämnas följande informationer:"

# NÄRVARANDE (source lines 22–42): (name, party, role or note).
MEMBERS = [
    ("Elina Backlund Arab", "S", "Ordförande"),
    ("Viktoria Jansson", "M", "Vice ordförande"),
    ("Pia Lundin", "SJVP", ""),
    ("Erica Stenberg", "SD", "endast förmiddagen den 7/12"),
    ("Dennis Moström", "C", "(deltar digitalt)"),
]
SUBSTITUTES = [
    ("Gudrun Sjödin", "S", ""),
    ("Torgny Jarl", "S", ""),
    ("Ingela Korhonen", "SJVP", ""),
]
# "Anders Sylan" in the source is a typo of Anders Sylvan (as in §§ 92, 96–98).
OFFICIALS = [
    ("Anders Sylvan", "", "tf. Hälso- och sjukvårdsdirektör"),
    ("Hanna Wahlund", "", "stabschef hälso- och sjukvård"),
    ("Maria Öhman", "", "Sekreterare"),
]

# "Inför mötet lämnas följande informationer" (source lines 44–94), per day.
INFORMATION = {
    "7 december": [
        ("Verksamhetsplaner 2024–2026, hälso- och sjukvårdens områden", None, [
            ("Länssjukvårdsområde Somatik", "Områdesdirektör Caroline Herlin"),
            ("Länssjukvårdsområde Psykiatri och Habilitering", "Områdesdirektör Kristina Mårtensson"),
            ("Rättspsykiatriska regionkliniken", "Tf. förvaltningschef Tore Sidung"),
            ("Område Patientsäkerhet, utbildning och forskning", "Områdesdirektör Sofia Pettersson"),
            ("Närsjukvårdsområde Väster", "Områdesdirektör Agneta Nordlander"),
            ("Närsjukvårdsområde Norr", "Områdesdirektör Anna-Lena Lundberg"),
            ("Närsjukvårdsområde Söder", "Områdesdirektör Roger Westerlund"),
            ("Folktandvården", "Områdesdirektör Annri V Thimstrand"),
        ]),
    ],
    "8 december": [
        ("Yttrande över remiss från Socialdepartementet: Promemorian Elektronisk tillgång till "
         "barns uppgifter inom hälso- och sjukvården och tandvården (Ds 2023:26)",
         "Annri V Thimstrand, områdesdirektör folktandvården", []),
        ("Information om internkontrollplan 2024, Hälso- och sjukvårdsnämnden",
         "David Lindqvist, processledare och Katarina Rask, enhetschef Controlling hälso- och sjukvård", []),
        ("Resultat extern miljörevision 2023",
         "Linda Knutar, miljöcontroller och Erik Norin miljöcontroller", []),
    ],
}

OWN = "Eget beslut"
TO_HSN = "Förslag till hälso- och sjukvårdsnämnden"
PIA = "Elina Backlund Arab, Pia Lundin"
VIKTORIA = "Elina Backlund Arab, Viktoria Jansson"

# Every § with its facts, decision and the headings of its parts in source order.
# "Ärendansvarig" (sic) in the source is the field Ärendeansvarig.
PARAGRAPHS = {
    "p90": dict(
        heading="§ 90 Val av justerare",
        case=None, responsible=None, officers=None, kind=OWN, adjusters=PIA,
        intro="Hälso- och sjukvårdsutskottet beslutar",
        att=["att utse Pia Lundin (SJVP) att jämte ordföranden justera protokollet förutom "
             "§§ 92, 96 och 98 där Viktoria Jansson (M) utses till justerare."],
        parts=[],
    ),
    "p91": dict(
        heading="§ 91 Fastställande av föredragningslista",
        case=None, responsible=None, officers=None, kind=OWN, adjusters=PIA,
        intro="Då inga extra ärenden föreligger beslutar Hälso- och sjukvårdsutskottet",
        att=["att fastställa upprättat förslag till föredragningslista."],
        parts=[],
    ),
    "p92": dict(
        heading="§ 92 Reviderad verksamhetsplan 2024–2026, Hälsa- och sjukvårdsnämnden",
        case="23HSN1782", responsible="Anders Sylvan", officers="Hanna Wahlund, Katarina Rask",
        kind=TO_HSN, adjusters=VIKTORIA,
        intro="Hälsa- och sjukvårdsutskottet föreslår att Hälsa- och sjukvårdsnämnden beslutar",
        att=[
            "att anta reviderad verksamhetsplan 2024–2026 för hälsa- och sjukvårdsnämnden;",
            "att anta verksamhetsplaner 2024–2026 för hälsa- och sjukvårdens områden;",
            "att godkänna fördelat regionbidrag per område för planperioden 2024–2026 enligt "
            "föreslagna revideringar; samt",
            "att godkänna tillåtet underskott per område för planperioden 2024–2026 enligt "
            "föreslagna revideringar.",
        ],
        parts=["Ärendebeskrivning", "Bakgrund", "Förvaltningens bedömning", "Beslutsunderlag",
               "Noteras till protokollet"],
    ),
    "p93": dict(
        heading="§ 93 Årlig information Visselblåsarärenden (2023)",
        case="23HSN4749", responsible="Visselblåsarfunktionen", officers="Anneli Engblad",
        kind=TO_HSN, adjusters=PIA,
        intro="Hälso- och sjukvårdsutskottet föreslår att Hälso- och sjukvårdsnämnden beslutar",
        att=["att lägga informationen till handlingarna."],
        # The source's heading "Yrkande" is rendered with the site's label "Yrkanden".
        parts=["Ärendebeskrivning", "Beslutsunderlag", "Yrkanden"],
    ),
    "p94": dict(
        heading="§ 94 Resultat extern miljörevision 2023",
        case="23HSN5383", responsible="Märta Molin", officers="Sofia Mackin",
        kind=TO_HSN, adjusters=PIA,
        intro="Hälso- och sjukvårdsutskottet föreslår att Hälso- och sjukvårdsnämnden beslutar",
        att=["att lägga informationen till handlingarna."],
        parts=["Ärendebeskrivning", "Bakgrund", "Samlad bedömning", "Beslutsunderlag"],
    ),
    "p95": dict(
        heading="§ 95 Internkontrollplan 2024, Hälso- och sjukvårdsnämnden",
        case="23HSN5195", responsible="Lena Lindgren", officers="David Lindqvist",
        kind=OWN, adjusters=PIA,
        intro="Hälso- och sjukvårdsutskottet beslutar",
        att=["att överlämna ärendet till nämnden."],
        # In the source, Överläggningar follows Beslutsunderlag.
        parts=["Ärendebeskrivning", "Bakgrund", "Samlad bedömning", "Beslutsunderlag",
               "Överläggningar"],
    ),
    "p96": dict(
        heading="§ 96 Yttrande över remiss från Socialdepartementet: Promemorian Elektronisk "
                "tillgång till barns uppgifter inom hälso- och sjukvården och tandvården (Ds 2023:26)",
        case="23HSN4074", responsible="Anders Sylvan", officers="Annri V Thimstrand",
        kind=TO_HSN, adjusters=VIKTORIA,
        intro="Hälso- och sjukvårdsutskottet föreslår att Hälso- och sjukvårdsnämnden beslutar",
        att=["att avge ”Yttrande över remiss; Promemorian Elektronisk tillgång till barns uppgifter "
             "inom hälso- och sjukvården och tandvården (Ds 2023:26)”."],
        parts=["Ärendebeskrivning", "Beslutsunderlag", "Noteras till protokollet"],
    ),
    "p97": dict(
        heading="§ 97 Uppdrag till Rättspsykiatriska regionkliniken att bedriva rättspsykiatrisk vård 2024",
        case="23HSN5033", responsible="Anders Sylvan", officers="Anders Jaktlund",
        kind=TO_HSN, adjusters=PIA,
        intro="Hälso- och sjukvårdsutskottet föreslår att Hälso- och sjukvårdsnämnden beslutar",
        att=[
            "att fastställa uppdrag till rättspsykiatriska regionkliniken att bedriva psykiatrisk "
            "tvångsvård och rättspsykiatrisk vård 2024;",
            "att uppdraget ges till förvaltningschef för rättspsykiatriska regionkliniken; samt",
            "att uppföljning av uppdraget redovisas i verksamhetens delårsrapport och "
            "verksamhetsberättelse.",
        ],
        parts=["Ärendebeskrivning", "Beslutsunderlag"],
    ),
    "p98": dict(
        heading="§ 98 Hälso- och sjukvårdens handlingsplan för kostnadsreduceringar",
        case="23HSN2705", responsible="Anders Sylvan", officers="Katarina Rask, Henrik Kjellberg",
        kind=TO_HSN, adjusters=VIKTORIA,
        intro="Hälso- och sjukvårdsutskottet föreslår att Hälso- och sjukvårdsnämnden beslutar",
        att=["att ge hälso- och sjukvårdsdirektören i uppdrag att återkomma med en redovisning av "
             "pågående åtgärder inom handlingsplanen vid nämndens sammanträde i februari 2024."],
        parts=["Ärendebeskrivning", "Bakgrund", "Förvaltningens bedömning", "Beslutsunderlag",
               "Noteras till protokollet"],
    ),
}

# Unnumbered sub-headings inside a § (source lines 140, 393, 409, 415).
SUBHEADINGS = {
    "p92": ["Ekonomiska ramar 2024–2026"],
    "p97": ["2.2 Målgrupp", "Rutiner", "Egenkontroll"],
}

# Sentences sampled from every description section: (§, section heading, sentences).
NARRATIVE = [
    ("p92", "Ärendebeskrivning", [
        "Hälsa- och sjukvårdsnämndens utskott har berett verksamhetsplanen 2024 – 2026.",
        "En viktig del i framtagandet av planen är en genomförd workshop där politik tillsammans "
        "med tjänstemän och medborgarföreträdare genomförde dialog om prioriterade fokusområden "
        "under kommande planperiod.",
        "Därefter har utskottens möte avsatt tid för planarbetet.",
        "Utvalda följetal och aktiviteter följs därutöver upp på månadsbasis samt via uppföljningsdialoger.",
        "Beslut om desamma kommer att fattas av Regionfullmäktige i november och Hälso- och "
        "sjukvårdsnämnden i december.",
        "Efter att alla områden, verksamheter och enheter utfört sina överväganden avseende "
        "bemanning och ekonomi är budgetresultatet försämrat från antagandet om -600 mnkr till -775 mnkr.",
        "Det innebär att handlingsplaner måste upprättas för 325 mnkr för att klara det tillåtna "
        "underskottet 2024 på -450 mnkr.",
        "I nuläget finns möjliga åtgärder att som är bedömda att kunna ge effekt under 2024 med 175-193 mnkr.",
        "Uppföljning och återslag av effekter, förslag på nya åtgärder sker i ordinarie månadsrutin.",
    ]),
    ("p92", "Bakgrund", [
        "Regionfullmäktige fastställer varje år en flerårsplan för regionen som gäller för de "
        "kommande tre åren, i syfte att uppfylla kommunallagens krav på flerårsplanering.",
        "Planens första år utgör årsbudgeten.",
        "I maj och juni tas dialog upp i respektive nämnd med dess förvaltning/-ar",
        "Planen beslutas under oktober månad och innehåller:",
        "Ett samlat dokument med detaljerad verksamhetsplanering och budget för kommande år, samt "
        "plan för nästkommande två år.",
        "Konkretisering av de politiska ambitionerna utifrån regionplanen.",
        "Mål ur regionplan som riktats till nämnd. Till dessa mål kopplas indikatorer.",
        "Mål som är nämndens egna. Nämnden kopplar indikatorer till målen, förvaltningen lägger "
        "till aktiviteter i nästa led samt eventuellt ytterligare indikatorer.",
        "Samtliga mål och indikatorer riktas till den/de förvaltningar som ska ansvara för måluppfyllelse.",
        "Nämndens verksamhetsplan inklusive budget följs upp via två delårsrapporter per år "
        "(januari-mars, respektive januari-augusti) och årsrapport.",
    ]),
    ("p92", "Förvaltningens bedömning", [
        "En viktig utgångspunkt har varit att åstadkomma ett uthålligt och långsiktigt arbete som "
        "bidrar till en omställningsförmåga över tid.",
        "Patientsäkerhetsplanen finns därmed som en bilaga till nämndens verksamhetsplan inför planperioden.",
        "Riskerna identifieras främst till utvecklings-/genomförandeförmågan i organisationen samt "
        "risker för kompetenstapp.",
        "Referensdokument tillhörande hälso- och sjukvårdsnämndens verksamhetsplan 2024–2026:",
        "Internkontrollplan 2024 områdenas riskanalyser ingår som underlag, 23HSN5195",
        "Handlingsplan 2024–2026, 23HSN2705",
    ]),
    ("p93", "Ärendebeskrivning", [
        "I november 2018 inrättades en visselblåsarfunktion i Region Västernorrland och i samband "
        "med detta fastställdes en riktlinje av regionstyrelsen den 19 november 2018, § 357.",
        "lag (2021:890) om skydd för personer som rapporterar om missförhållanden (visselblåsarlagen)",
        "Inkomna ärenden hanteras inom Region Västernorrlands juridikfunktion.",
        "Enligt riktlinjen ska regionstyrelsen och berörda nämnder informeras årligen om vilka "
        "utredningar som avslutats.",
        "De tips som inkommer bedöms huruvida de omfattas av visselblåsarlagen eller inte, se bilaga.",
    ]),
    ("p94", "Ärendebeskrivning", [
        "Under 2023 har en förnyad miljörevision enligt ISO 14 001:2015 genomförts.",
        "Resultatet av revisionen påvisar ett stort antal goda exempel, en stor avvikelse och 14 "
        "mindre avvikelser.",
        "Avvikelserna är inom följande områden:",
        "Planering och styrning av verksamheten - finns brister gällande kemikaliehantering på "
        "flera ställen.",
        "Nödlägesberedskap - saknas dokumentation av brandronder och brandutbildningar, samt "
        "brister i utrymningsplaner.",
        "Risker och möjligheter - vissa verksamheter har inte kunnat visa upp att miljöriskanalys gjorts.",
        "Kompetens - vissa enheter har inte genomfört temaårsutbildningar kopplat till "
        "hållbarhetsplanen och inte heller dokumenterat dessa utbildningar.",
        "Planering av åtgärder för att uppnå miljömål - saknas aktiviteter vid flertalet enheter "
        "och verksamheter för att bidra till hållbarhetsplanens måluppfyllelse.",
        "För fortsatt certifiering krävs att avvikelserna hanteras inom 90 dagar från "
        "revisionsdatumet. Ett nytt certifikat kommer utfärdas därefter.",
    ]),
    ("p94", "Bakgrund", [
        "Sedan 2018 är hela organisation certifierad enligt ISO 14 001:2015.",
        "Det innebär att en extern oberoende part årligen ska genomföra revision för att "
        "säkerställa att ledningssystemet följs och leder till ständiga förbättringar.",
        "Vart tredje år är förnyad revision, de andra åren görs uppföljande revisioner.",
    ]),
    ("p94", "Samlad bedömning", [
        "Ett miljöledningssystem är ett bra verktyg för att få denna struktur.",
        "Certifiering av miljöledningssystemet och den externa revisionen är en oberoende "
        "tredjepartsgranskning av ledningssystemet och ger ett mått på hur väl systemet fungerar.",
    ]),
    ("p95", "Ärendebeskrivning", [
        "Styrelse och nämnd ansvarar enligt kommunallagen för intern kontroll inom sitt verksamhetsområde.",
        "Detta görs i det löpande arbetet med styrning och ledning av verksamheten, med ett "
        "riskmedvetet angreppssätt.",
        "samt 2023 års internkontrollplan med tillhörande rapportering (delår).",
        "Ett arbete för att förbättra processen för riskhantering och intern styrning och kontroll pågår.",
    ]),
    ("p95", "Bakgrund", [
        "I Kommunallagen regleras ansvaret för att en god intern kontroll upprätthålls.",
        "På så sätt främjas effektiviteten i verksamheten och tryggheten för medborgarna, "
        "medarbetare och politiker.",
    ]),
    ("p95", "Samlad bedömning", [
        "Förvaltningens bedömningar finns att tillgå i bifogade riskanalyser från förvaltningens verksamheter",
    ]),
    ("p95", "Överläggningar", [
        "Utskottet konstaterar att ärendet ska kompletteras inför nämnden med en riskanalys för "
        "område Patientsäkerhet, - forskning och utbildning.",
        "Vidare kompletteras förslaget till internkontrollplan med ytterligare perspektiv utifrån "
        "områdenas riskanalyser.",
        "Utöver detta efterfrågar utskottet ett mer enhetligt språkbruk, gemensamma begrepp och metoder.",
        "Ärendet överlämnas till nämnden.",
    ]),
    ("p96", "Ärendebeskrivning", [
        "Region Västernorrland har genom Folktandvården Västernorrland tagit del av och beretts "
        "tillfälle att lämna synpunkter på promemorian Elektronisk tillgång till barns uppgifter "
        "inom hälso- och sjukvården och tandvården (Ds 2023:26).",
        "Region Västernorrland är också remissinstans och kommer avge ett separat yttrande från "
        "regionstyrelsens perspektiv.",
        "Socialdepartementet har beviljat förlängd svarstid till den 20 december 2023.",
    ]),
    ("p97", "Ärendebeskrivning", [
        "Hälso- och sjukvårdsnämnden är uppdragsgivare för den rättspsykiatriska vården inom "
        "Region Västernorrland.",
        "Genom den nya författningen upphävs den tidigare (SOSFS 2008:18)",
        "Uppdraget avser patienter i säkerhetsnivå 1 och 2 samt öppenvård.",
        "med följande rangordning från högsta till lägsta prioritet:",
        "patienter som är bosatta i Region Västernorrland dömda till rättspsykiatriska vård (LRV)",
        "patienter dömda till LRV som omfattas av mellanlänsavtal",
        "patienter dömda till LRV från övriga regioner som remitterats enligt riksavtal",
        "samt personer som är anhållna eller häktade och som är i behov av specialiserad psykiatrisk vård",
        "patienter bosatta i Region Västernorrland som vårdas enligt LPT och kräver en högre "
        "omhändertagande nivå/ säkerhetsnivå och/ eller mer resurser än den psykiatriska "
        "länsverksamheten kan erbjuda.",
        "RPK skall kunna skriva in och ta emot patient i slutenvård dygnet runt under alla veckodagar.",
        "2 § Vårdgivaren ska ansvara för att det finns rutiner som säkerställer att ett antal "
        "specificerade åtgärder endast vidtas i enlighet med lagen (1991:1128) om psykiatrisk "
        "tvångsvård, lagen (1991:1129) om rättspsykiatrisk vård eller någon annan tillämplig lag.",
        "3 § Vårdgivaren ska ansvara för att det genom den egenkontroll som ska utövas enligt 5 kap. "
        "2 § Socialstyrelsens föreskrifter och allmänna råd (SOSFS 2011:9)",
        "motverkar att patienten återfaller i brottslighet av allvarligt slag.",
    ]),
    ("p98", "Ärendebeskrivning", [
        "omfattar enligt hälso- och sjukvårdsnämndens beslut 150 mnkr 2024.",
        "Ett tillkommande underskott – efter lagda budgetprognoser för 2024 – summerar till 175 mnkr.",
        "Uppdraget inför 2024 är därmed att åstadkomma en kostnadsreducering motsvarande 325 mnkr.",
        "Beredning av ytterligare åtgärder pågår, där en försiktig bedömning är att ytterligare "
        "17 mnkr kan hämtas hem under nästa år.",
    ]),
    ("p98", "Bakgrund", [
        "Den senaste analysen av det ekonomiska utrymmet visar att prognosen för resultatet i "
        "budget 2024 är ett underskott på – 775 mnkr, vilket motsvarar omkring 8 procent av de "
        "totala kostnaderna.",
        "Den rullande tolv månadersuppföljningen under 2023 har visat att totalkostnaderna ökat "
        "med i snitt 68 mnkr per månad.",
        "Det är en helt central uppgift att bryta den underliggande kostnadsutvecklingen.",
        "Det handlar om en nödvändig omställning som kommer kräva ett fokuserat genomförande och "
        "en återkommande och detaljerad uppföljning.",
    ]),
    ("p98", "Förvaltningens bedömning", [
        "De sammantagna effekterna av åtgärderna i handlingsplanen leder till att ungefär hälften "
        "av uppdraget för 2024 kan fullföljas.",
        "Fattade beslut med utgiftsbegränsande potential behöver fullföljas utan undantag.",
        "Analys av strukturförändringar och uppdragsfördelning.",
        "vilket motsvarar 20 mnkr 2024, 50 mnkr 2025 och 30 mnkr under 2026.",
        "En närmare redovisning av utgångspunkterna för detta arbete kan lämnas i februari 2024.",
        "Prioritering av statsbidragsfinansierade utvecklingsprojekt.",
        "Ambitionen är att uppnå en tydligare ekonomistyrning och uppföljning ner på enhetsnivå.",
        "Utveckling av nära vård-team.",
        "Hälso- och sjukvårdsdirektörens generella återrapportering kommer förenas med områdesvisa "
        "redovisningar av åtgärder och planering.",
    ]),
]

# Paragraphs the source splits across a page break: each must be ONE paragraph on the site.
JOINED_PARAGRAPHS = [
    ("p92", "Beslut om desamma kommer att fattas av Regionfullmäktige i november och Hälso- och "
            "sjukvårdsnämnden i december."),
    ("p94", "Det innebär att en extern oberoende part årligen ska genomföra revision för att "
            "säkerställa att ledningssystemet följs och leder till ständiga förbättringar."),
]

# Beslutsunderlag of every § that has one: each item (paragraph or list item), in order.
BASIS = {
    "p92": [
        "Reviderad verksamhetsplan 2024–2026, Hälsa- och sjukvårdsnämnden",
        "Verksamhetsplaner 2024–2026 per område inom Hälsa- och sjukvård:",
        "Länsverksamhetsområde Somatik",
        "Länsverksamhetsområde Psykiatri och habilitering",
        "Närsjukvårdområde Söder",
        "Närsjukvårdområde Norr",
        "Närsjukvårdområde Väster",
        "Folk tandvården",
        "Rättspsykiatriska regionkliniken",
        "Patientsäkerhet, utbildning och forskning",
    ],
    "p93": ["Årlig information Visselblåsarärenden (2023) Hälso- och sjukvårdsnämnden"],
    "p94": ["Revisionsrapport"],
    "p95": [
        "Förslag till Internkontrollplan 2024 Hälsa- och sjukvårdsnämnden",
        "Riskanalyser för:",
        "Område Somatik",
        "Område Psykiatri och habilitering",
        "Område Närsjukvård söder",
        "Område Närsjukvård norr",
        "Område Närsjukvård väster",
        "Område Folktandvården",
        "Område Rättspsykiatriska regionkliniken",
    ],
    "p96": [
        "Remiss från Socialdepartementet, Promemorian Elektronisk tillgång till barns uppgifter "
        "inom hälso- och sjukvården och tandvården (Ds 2023:26)",
        "Yttrande över remiss; Promemorian Elektronisk tillgång till barns uppgifter inom hälso- "
        "och sjukvården och tandvården (Ds 2023:26)",
    ],
    "p97": ["Förslag till uppdrag till rättspsykiatriska regionkliniken att bedriva psykiatrisk "
            "tvångsvård och rättspsykiatrisk vård 2024, se bilaga."],
    "p98": ["Hälso- och sjukvårdens handlingsplan för kostnadsreduceringar."],
}

ABSTAIN = "Pia Lundin (SJVP) och Erica Stenberg (SD) avstår från att delta i beslut."
NOTES = {"p92": [ABSTAIN], "p96": [ABSTAIN], "p98": [ABSTAIN]}

# § 93 Yrkande (source line 235): "Pia Lundin (SJVP) yrkar bifall till beredningens förslag."
MOTION_P93 = "Pia Lundin (SJVP) yrkar bifall till beredningens förslag"

ARTIFACTS = [
    "Ordförandens sign", "Justerandens sign", "Utdragsbestyrkande", "Exp den",
    "Sida 1(19)", "Sida 2(19)", "19(19)", "(19)", "23-12-07- 08", "-------", ".....",
    "[bookmark", "_Toc", "<b>", "</b>", "<i>", "</i>", "<sup>", "image1", "**", "*",
    "Anders Sylan", "Anna -Lena", "Hälsö-",
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def heading_text(tag) -> str:
    clone = tag.__copy__()
    for link in clone.select(".headerlink"):
        link.decompose()
    return norm(clone.get_text(" "))


def paragraph_elements(site, pid: str) -> list:
    """The elements of one § on the page: from its h3 up to the next h3 or h2."""
    start = site.element(URL, f"paragraf-{pid}")
    assert start.name == "h3", f"#paragraf-{pid} is a <{start.name}>, not a § heading"
    elements = []
    for sibling in start.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        elements.append(sibling)
    return elements


def paragraph_facts(site, pid: str) -> dict[str, str]:
    facts = [e for e in paragraph_elements(site, pid) if e.name == "dl"]
    assert facts, f"§ {pid}: no facts list"
    return {norm(dt.get_text(" ")): norm(dt.find_next_sibling("dd").get_text(" "))
            for dt in facts[0].find_all("dt")}


def parts(site, pid: str) -> dict[str, list]:
    """The § split at its h4 headings: heading → the elements under it."""
    result: dict[str, list] = {}
    current = None
    for element in paragraph_elements(site, pid):
        if element.name == "h4":
            current = heading_text(element)
            result[current] = []
        elif current is not None:
            result[current].append(element)
    return result


def part_text(site, pid: str, heading: str) -> str:
    found = parts(site, pid)
    assert heading in found, f"§ {pid}: no part '{heading}' (has {list(found)})"
    return norm(" ".join(e.get_text(" ") for e in found[heading]))


def items(elements) -> list[str]:
    """Each paragraph and list item of some block elements, in order."""
    result = []
    for element in elements:
        for item in element.find_all(["p", "li"]) if element.name not in ("p", "li") else [element]:
            result.append(norm(item.get_text(" ")))
    return result


def resolve(href: str) -> str:
    return posixpath.normpath(posixpath.join(URL, href.split("#")[0])) + "/"


def facts_of_page(site) -> dict[str, str]:
    dl = site.content(URL).find("dl", class_="op-facts")
    return {norm(dt.get_text(" ")): norm(dt.find_next_sibling("dd").get_text(" "))
            for dt in dl.find_all("dt")}


def attendance(site, caption: str) -> list[tuple[str, ...]]:
    for table in site.content(URL).find_all("table"):
        if table.caption and norm(table.caption.get_text(" ")) == caption:
            return [tuple(norm(c.get_text(" ")) for c in tr.find_all(["th", "td"]))
                    for tr in table.select("tbody > tr")]
    raise AssertionError(f"no attendance table '{caption}'")


def information_day(site, day: str):
    for sub in site.content(URL).select("p.op-subheading"):
        if norm(sub.get_text(" ")).startswith(day):
            listing = sub.find_next_sibling()
            assert listing is not None and listing.name == "ul", f"no list under '{day}'"
            return listing
    raise AssertionError(f"no information heading for '{day}'")


def own_text(li) -> str:
    """The text of a list item without its presenter and nested list."""
    parts_ = []
    for child in li.children:
        if getattr(child, "name", None) in ("ul", "ol", "br") or (
                getattr(child, "name", None) == "span" and "op-presenter" in child.get("class", [])):
            continue
        parts_.append(child.get_text(" ") if hasattr(child, "get_text") else str(child))
    return norm(" ".join(parts_))


def presenter(li) -> str | None:
    span = li.find("span", class_="op-presenter", recursive=False)
    return norm(span.get_text(" ")) if span else None


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


def test_title(site):
    h1 = site.content(URL).find("h1")
    assert heading_text(h1) == "Hälso- och sjukvårdsutskottets sammanträde 7–8 december 2023"


@pytest.mark.parametrize("name,value", FACTS.items(), ids=list(FACTS))
def test_meeting_fact(site, name, value):
    facts = facts_of_page(site)
    assert facts.get(name) == value, f"{name}: expected {value!r}, page shows {facts.get(name)!r}"


@pytest.mark.parametrize("caption,expected", [
    ("Ledamöter", MEMBERS), ("Övriga ersättare", SUBSTITUTES), ("Tjänstepersoner", OFFICIALS),
], ids=["ledamoter", "ersattare", "tjanstepersoner"])
def test_attendance(site, caption, expected):
    assert attendance(site, caption) == expected


@pytest.mark.parametrize("day", list(INFORMATION))
def test_information_items(site, day):
    listing = information_day(site, day)
    top = listing.find_all("li", recursive=False)
    assert [own_text(li) for li in top] == [heading for heading, _, _ in INFORMATION[day]]
    for li, (heading, who, points) in zip(top, INFORMATION[day]):
        assert presenter(li) == who, f"{heading}: presenter {presenter(li)!r}, expected {who!r}"
        nested = li.find("ul")
        shown = [(own_text(p), presenter(p)) for p in nested.find_all("li", recursive=False)] if nested else []
        assert shown == points, f"{heading}: points differ"


def test_head_tjanstestalle_and_handlaggare(site):
    """Source head: "Tjänsteställe, handläggare / Regionledningsförvaltningen / Maria Öhman"."""
    facts = facts_of_page(site)
    assert facts.get("Tjänsteställe") == HEAD_OFFICE, facts
    assert facts.get("Handläggare") == HEAD_OFFICER, facts
    # in the head, not only among the officials as secretary
    dl = site.content(URL).find("dl", class_="op-facts")
    assert dl.find_previous("h2") is None, "the facts are not the head of the minutes"


def test_information_intro_sentence(site):
    """"Inför mötet lämnas följande informationer:" comes before the items, as in the source."""
    heading = site.element(URL, "information")
    first = heading.find_next_sibling()
    assert first.name == "p" and norm(first.get_text(" ")) == INFORMATION_INTRO, first
    assert "op-subheading" not in (first.get("class") or [])
    # before the first day's items
    assert first.find_next_sibling("p", class_="op-subheading") is not None
    assert site.text(URL).count(INFORMATION_INTRO) == 1


def test_information_days_shown_with_date(site):
    subheadings = [norm(p.get_text(" ")) for p in site.content(URL).select("p.op-subheading")]
    assert "7 december 2023" in subheadings and "8 december 2023" in subheadings


def test_paragraphs_exactly_90_to_98_in_order(site):
    headings = site.content(URL).select('h3[id^="paragraf-"]')
    assert [h["id"] for h in headings] == [f"paragraf-{pid}" for pid in PARAGRAPHS]
    index = [norm(a.get_text(" ")) for a in site.content(URL).select("ul.op-paragraph-index a")]
    assert index == [p["heading"] for p in PARAGRAPHS.values()]


@pytest.mark.parametrize("pid", list(PARAGRAPHS))
def test_paragraph_heading(site, pid):
    assert heading_text(site.element(URL, f"paragraf-{pid}")) == PARAGRAPHS[pid]["heading"]


@pytest.mark.parametrize("pid", list(PARAGRAPHS))
def test_paragraph_facts(site, pid):
    expected = PARAGRAPHS[pid]
    facts = paragraph_facts(site, pid)
    for label, key in (("Diarienummer", "case"), ("Ärendeansvarig", "responsible"),
                       ("Handläggare", "officers"), ("Typ av beslut", "kind"),
                       ("Justerare", "adjusters")):
        assert facts.get(label) == expected[key], \
            f"§ {pid} {label}: expected {expected[key]!r}, page shows {facts.get(label)!r}"


@pytest.mark.parametrize("pid", list(PARAGRAPHS))
def test_paragraph_decision(site, pid):
    expected = PARAGRAPHS[pid]
    decision = [e for e in paragraph_elements(site, pid) if "op-decision" in e.get("class", [])]
    assert len(decision) == 1, f"§ {pid}: expected one decision block"
    texts = [norm(p.get_text(" ")) for p in decision[0].find_all("p", recursive=False)]
    assert expected["intro"] in texts, f"§ {pid}: intro {expected['intro']!r} not in {texts}"
    att = [norm(li.get_text(" ")) for li in decision[0].select("li")]
    assert att == expected["att"], f"§ {pid}: att-clauses differ"


@pytest.mark.parametrize("pid", list(PARAGRAPHS))
def test_paragraph_parts_in_source_order(site, pid):
    assert list(parts(site, pid)) == PARAGRAPHS[pid]["parts"]


@pytest.mark.parametrize("pid", list(SUBHEADINGS))
def test_subheadings(site, pid):
    shown = [norm(e.get_text(" ")) for e in paragraph_elements(site, pid)
             if "op-subheading" in e.get("class", [])]
    assert shown == SUBHEADINGS[pid]


@pytest.mark.parametrize("pid,heading,sentences", NARRATIVE,
                         ids=[f"{pid}-{heading}" for pid, heading, _ in NARRATIVE])
def test_narrative(site, pid, heading, sentences):
    text = part_text(site, pid, heading)
    missing = [s for s in sentences if norm(s) not in text]
    assert not missing, f"§ {pid} {heading}: missing {missing}"


def test_narrative_covers_every_description_section():
    described = {(pid, heading) for pid, heading, _ in NARRATIVE}
    for pid, expected in PARAGRAPHS.items():
        for heading in expected["parts"]:
            if heading not in ("Beslutsunderlag", "Noteras till protokollet", "Yrkanden"):
                assert (pid, heading) in described, f"no sampled sentences for § {pid} {heading}"
    assert sum(len(s) for _, _, s in NARRATIVE) >= 25


@pytest.mark.parametrize("pid,sentence", JOINED_PARAGRAPHS)
def test_page_break_paragraph_is_one_paragraph(site, pid, sentence):
    paragraphs = [norm(p.get_text(" ")) for e in paragraph_elements(site, pid)
                  for p in ([e] if e.name == "p" else e.find_all("p"))]
    assert any(sentence in p for p in paragraphs), \
        f"§ {pid}: '{sentence[:50]}…' is not one paragraph on the page"


@pytest.mark.parametrize("pid", list(BASIS))
def test_beslutsunderlag(site, pid):
    found = parts(site, pid)
    assert "Beslutsunderlag" in found, f"§ {pid}: no Beslutsunderlag"
    assert items(found["Beslutsunderlag"]) == BASIS[pid]


def test_p95_beslutsunderlag_before_overlaggningar(site):
    headings = [heading_text(e) for e in paragraph_elements(site, "p95") if e.name == "h4"]
    assert "Beslutsunderlag" in headings and "Överläggningar" in headings
    assert headings.index("Beslutsunderlag") < headings.index("Överläggningar")
    assert headings[-1] == "Överläggningar", "Överläggningar is the last part of § 95"
    # and its text is not under Samlad bedömning
    assert "Utskottet konstaterar" not in part_text(site, "p95", "Samlad bedömning")


@pytest.mark.parametrize("pid", list(PARAGRAPHS))
def test_noteras_till_protokollet(site, pid):
    found = parts(site, pid)
    expected = NOTES.get(pid)
    if expected is None:
        assert "Noteras till protokollet" not in found, f"§ {pid} has no note in the source"
    else:
        assert items(found["Noteras till protokollet"]) == expected


def test_p93_yrkande(site):
    shown = items(parts(site, "p93")["Yrkanden"])
    assert len(shown) == 1
    # The source's sentence ends with a full stop; the motion itself must be there verbatim.
    assert re.fullmatch(re.escape(MOTION_P93) + r"\.?", shown[0]), shown
    for pid in PARAGRAPHS:
        if pid != "p93":
            assert "Yrkanden" not in parts(site, pid), f"§ {pid} has no yrkande in the source"


def test_p92_links_to_plan(site):
    facts = [e for e in paragraph_elements(site, "p92") if e.name == "dl"][0]
    links = [a for a in facts.find_all("a") if resolve(a["href"]) == PLAN_URL]
    assert links, "§ 92 does not link to the HSN plan 2024–2026"
    assert "Reviderad verksamhetsplan 2024–2026" in norm(links[0].get_text(" "))
    assert "föreslog antagande" in norm(links[0].parent.get_text(" "))
    site.page(PLAN_URL)  # the target exists


def test_only_p92_links_to_a_plan(site):
    for pid in PARAGRAPHS:
        if pid != "p92":
            assert "Gäller plan" not in paragraph_facts(site, pid)


def test_justering(site):
    heading = site.element(URL, "justering")
    listing = heading.find_next_sibling("ul")
    shown = [norm(li.get_text(" ")) for li in listing.find_all("li")]
    assert len(shown) == 4, shown
    assert "Elina Backlund Arab" in shown[0] and "ordförande" in shown[0].lower()
    assert "Pia Lundin" in shown[1] and shown[1].endswith("§§ 90, 91, 93, 94, 95, 97")
    assert "Viktoria Jansson" in shown[2] and shown[2].endswith("§§ 92, 96, 98")
    assert "Maria Öhman" in shown[3] and "vid protokollet" in shown[3].lower()


@pytest.mark.parametrize("artifact", ARTIFACTS)
def test_no_conversion_artifacts(site, artifact):
    assert artifact not in site.text(URL), f"artifact {artifact!r} on the page"
