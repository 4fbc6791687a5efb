"""The theme hierarchy the demo data uses: every topic the seeds name, in fi/sv/en, with
the UN Sustainable Development Goal where one clearly fits."""

from verkosto.registry.demo.spec import Texts, ThemeSpec

T = Texts

# Parents come before their children: the loader writes them in this order.
THEMES: tuple[ThemeSpec, ...] = (
    # Sustainability (seed 001)
    ThemeSpec(
        "sustainable-development",
        T("Kestävä kehitys", "Hållbar utveckling", "Sustainable development"),
    ),
    ThemeSpec(
        "sustainable-urban-development",
        T("Kestävä kaupunkikehitys", "Hållbar stadsutveckling", "Sustainable urban development"),
        parent="sustainable-development",
        sdg=11,
    ),
    ThemeSpec(
        "climate",
        T("Ilmasto", "Klimat", "Climate"),
        parent="sustainable-development",
        sdg=13,
    ),
    ThemeSpec(
        "carbon-neutrality",
        T("Hiilineutraalius", "Klimatneutralitet", "Carbon neutrality"),
        parent="climate",
        sdg=13,
    ),
    ThemeSpec(
        "climate-mitigation",
        T(
            "Ilmastonmuutoksen hillintä",
            "Begränsning av klimatförändringen",
            "Climate change mitigation",
        ),
        parent="climate",
        sdg=13,
    ),
    ThemeSpec(
        "nature",
        T("Luonto ja monimuotoisuus", "Natur och biologisk mångfald", "Nature and biodiversity"),
        parent="sustainable-development",
        sdg=15,
    ),
    ThemeSpec(
        "circular-economy",
        T(
            "Kiertotalous ja resurssiviisaus",
            "Cirkulär ekonomi och resurssmarthet",
            "Circular economy and resource wisdom",
        ),
        parent="sustainable-development",
        sdg=12,
    ),
    ThemeSpec(
        "land-use-housing-transport",
        T(
            "Maankäyttö, asuminen ja liikenne",
            "Markanvändning, boende och trafik",
            "Land use, housing and transport",
        ),
        parent="sustainable-urban-development",
        sdg=11,
    ),
    # Health and wellbeing
    ThemeSpec(
        "health-wellbeing",
        T("Terveys ja hyvinvointi", "Hälsa och välbefinnande", "Health and wellbeing"),
        sdg=3,
    ),
    ThemeSpec(
        "physical-activity-sport",
        T("Liikkuminen ja urheilu", "Motion och idrott", "Physical activity and sport"),
        parent="health-wellbeing",
        sdg=3,
    ),
    # Safety (seed 003)
    ThemeSpec("safety", T("Turvallisuus", "Trygghet och säkerhet", "Safety and security"), sdg=16),
    ThemeSpec(
        "gang-prevention",
        T("Jengiytymisen ehkäisy", "Förebyggande av gängbildning", "Preventing gang involvement"),
        parent="safety",
        sdg=16,
    ),
    # Education and skills (seeds 002, 003)
    ThemeSpec(
        "education-skills",
        T("Koulutus ja osaaminen", "Utbildning och kompetens", "Education and skills"),
        sdg=4,
    ),
    ThemeSpec(
        "early-childhood-education",
        T("Varhaiskasvatus", "Småbarnspedagogik", "Early childhood education"),
        parent="education-skills",
        sdg=4,
    ),
    ThemeSpec(
        "ece-workforce",
        T(
            "Varhaiskasvatuksen osaajapula",
            "Personalbrist inom småbarnspedagogiken",
            "Early childhood education workforce shortage",
        ),
        parent="early-childhood-education",
        sdg=4,
    ),
    ThemeSpec(
        "skills",
        T("Osaaminen", "Kompetens", "Skills"),
        parent="education-skills",
        sdg=4,
    ),
    ThemeSpec(
        "education-provision",
        T("Koulutustarjonta", "Utbildningsutbud", "Education provision"),
        parent="education-skills",
        sdg=4,
    ),
    # Work and economy (seeds 002, 003)
    ThemeSpec(
        "employment-labour",
        T("Työllisyys ja työvoima", "Sysselsättning och arbetskraft", "Employment and labour"),
        sdg=8,
    ),
    ThemeSpec(
        "skilled-labour",
        T(
            "Osaavan työvoiman saatavuus",
            "Tillgång till kompetent arbetskraft",
            "Availability of skilled labour",
        ),
        parent="employment-labour",
        sdg=8,
    ),
    ThemeSpec(
        "employment",
        T("Työllisyys", "Sysselsättning", "Employment"),
        parent="employment-labour",
        sdg=8,
    ),
    ThemeSpec("economy", T("Talous", "Ekonomi", "Economy"), sdg=8),
    ThemeSpec(
        "economic-recovery",
        T("Taloudellinen elpyminen", "Ekonomisk återhämtning", "Economic recovery"),
        parent="economy",
        sdg=8,
    ),
    ThemeSpec(
        "municipal-finances",
        T(
            "Kaupungin taloudelliset toimintaedellytykset",
            "Kommunens ekonomiska förutsättningar",
            "Municipal finances",
        ),
        parent="economy",
    ),
    ThemeSpec(
        "industry-innovation",
        T("Teollisuus ja innovaatiot", "Industri och innovation", "Industry and innovation"),
        parent="economy",
        sdg=9,
    ),
    ThemeSpec(
        "renewing-industry",
        T("Uudistuva teollisuus", "Industrins förnyelse", "Renewing industry"),
        parent="industry-innovation",
        sdg=9,
    ),
    ThemeSpec(
        "innovation-ecosystems",
        T("Innovaatioekosysteemit", "Innovationsekosystem", "Innovation ecosystems"),
        parent="industry-innovation",
        sdg=9,
    ),
    ThemeSpec("digitalisation", T("Digitalisaatio", "Digitalisering", "Digitalisation"), sdg=9),
    # Public services (seed 002)
    ThemeSpec("public-services", T("Julkiset palvelut", "Offentliga tjänster", "Public services")),
    ThemeSpec(
        "social-health-rescue",
        T(
            "Sosiaali- ja terveyspalvelut sekä pelastustoimi",
            "Social- och hälsovård samt räddningsväsende",
            "Social, health and rescue services",
        ),
        parent="public-services",
        sdg=3,
    ),
    ThemeSpec("culture", T("Kulttuuri", "Kultur", "Culture")),
    ThemeSpec("integration", T("Kotoutuminen", "Integration", "Integration"), sdg=10),
    # Cooperation and advocacy (all seeds)
    ThemeSpec(
        "urban-policy",
        T("Kaupunkipolitiikka", "Stadspolitik", "Urban policy"),
        sdg=11,
    ),
    ThemeSpec(
        "regional-vitality",
        T("Alueellinen elinvoima", "Regional livskraft", "Regional vitality"),
        parent="urban-policy",
        sdg=8,
    ),
    ThemeSpec(
        "international-cooperation",
        T("Kansainvälinen yhteistyö", "Internationellt samarbete", "International cooperation"),
        sdg=17,
    ),
    ThemeSpec(
        "networks",
        T("Verkostoyhteistyö", "Nätverkssamarbete", "Network cooperation"),
        parent="international-cooperation",
        sdg=17,
    ),
    ThemeSpec(
        "twinning",
        T("Ystävyyskaupunkitoiminta", "Vänortssamarbete", "Twinning"),
        parent="international-cooperation",
        sdg=17,
    ),
    ThemeSpec("advocacy", T("Edunvalvonta", "Intressebevakning", "Advocacy")),
    ThemeSpec(
        "eu-affairs",
        T(
            "EU-asiat ja EU-edunvalvonta",
            "EU-frågor och EU-påverkan",
            "EU affairs and advocacy",
        ),
        parent="advocacy",
    ),
    ThemeSpec(
        "eu-funding",
        T("EU-rahoitus", "EU-finansiering", "EU funding"),
        parent="eu-affairs",
    ),
    ThemeSpec(
        "national-advocacy",
        T("Kansallinen edunvalvonta", "Nationell intressebevakning", "National advocacy"),
        parent="advocacy",
    ),
)
