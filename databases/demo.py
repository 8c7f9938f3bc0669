"""Demonstration content for the five resource databases (``manage.py seed_demo``).

Records are composed from phrase banks written in the five site languages, so a Chinese,
Russian, Portuguese or Hindi title reads as that language rather than as machine noise.
Texts that are inserted into sentences are stored in the grammatical form their slot needs
(Russian application phrases in the genitive after "для", product lists in the plural
nominative, which is also the accusative of inanimate nouns), and slots sit where
no inflection is needed, such as after a comma or a colon.

Every tuple of texts is ordered like ``LANGUAGES``: English, Chinese, Russian, Portuguese,
Hindi. Generation is deterministic for a given seed and database state and computes what
``save()`` would (slug, published_at, investment_usd) in memory. Records are written in
batches: with ``bulk_create`` on SQLite (and inside an open transaction), with COPY from two
writer threads on PostgreSQL, where the search trigger and index upkeep dominate a large load.
"""

import io
import math
import queue
import random
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from functools import partial

from django.contrib.postgres.search import SearchVectorField
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connections, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from databases import currency
from databases.models import (
    SDG,
    CooperationType,
    Country,
    Enterprise,
    Language,
    Project,
    PublicationStatus,
    Sector,
    ServiceInstitution,
    Talent,
    Technology,
    TechnologyField,
)
from databases.models.enterprise import EnterpriseSize
from databases.models.institution import InstitutionType
from databases.models.project import ProjectStage
from databases.models.technology import IPStatus
from databases.slugs import SlugAllocator

EN, ZH, RU, PT, HI = range(5)
LANGUAGES = ("en", "zh-hans", "ru", "pt-br", "hi")

# Countries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    names: tuple  # one per language
    coastal: bool = False


def _places(*rows):
    return tuple(Place(row[:5], coastal=len(row) > 5) for row in rows)


COAST = True


@dataclass(frozen=True)
class CountryProfile:
    weight: float
    currency: str
    places: tuple
    # The site language the country's records are always translated into, if any.
    native: int | None = None
    # Working languages of its experts (codes of the Language taxonomy).
    languages: tuple = ("en",)
    phone: str = ""
    legal: str = "{name} Ltd"
    # First names and surnames as (Latin, native script or None) pairs.
    male: tuple = ()
    female: tuple = ()
    surnames: tuple = ()
    surname_first: bool = False
    # Added to a surname for a woman (Russian "Petrov" -> "Petrova").
    female_suffix: tuple | None = None


def _latin(*names):
    return tuple((name, None) for name in names)


COUNTRIES = {
    "BR": CountryProfile(
        12,
        "BRL",
        _places(
            ("São Paulo", "圣保罗", "Сан-Паулу", "São Paulo", "साओ पाउलो"),
            ("Belo Horizonte", "贝洛奥里藏特", "Белу-Оризонти", "Belo Horizonte", "बेलो होरिज़ोंटे"),
            ("Petrolina", "彼得罗利纳", "Петролина", "Petrolina", "पेट्रोलिना"),
            ("Fortaleza", "福塔雷萨", "Форталеза", "Fortaleza", "फ़ोर्टालेज़ा", COAST),
            ("Curitiba", "库里蒂巴", "Куритиба", "Curitiba", "कुरितिबा"),
            ("Salvador", "萨尔瓦多", "Салвадор", "Salvador", "साल्वाडोर", COAST),
            ("Manaus", "马瑙斯", "Манаус", "Manaus", "मनाउस"),
            ("Porto Alegre", "阿雷格里港", "Порту-Алегри", "Porto Alegre", "पोर्टो एलेग्रे"),
            ("Sobradinho", "索布拉迪纽", "Собрадинью", "Sobradinho", "सोब्राडिन्हो"),
            ("Natal", "纳塔尔", "Натал", "Natal", "नताल", COAST),
        ),
        native=PT,
        languages=("pt", "en", "es"),
        phone="+55",
        legal="{name} Ltda.",
        male=_latin("João", "Lucas", "Rafael", "Gustavo", "Pedro", "Thiago", "Felipe", "Bruno"),
        female=_latin(
            "Ana", "Mariana", "Beatriz", "Camila", "Juliana", "Fernanda", "Larissa", "Patrícia"
        ),
        surnames=_latin(
            "Souza",
            "Oliveira",
            "Costa",
            "Pereira",
            "Almeida",
            "Lima",
            "Ferreira",
            "Ribeiro",
            "Carvalho",
            "Santos",
            "Rodrigues",
            "Barbosa",
            "Gomes",
            "Araújo",
        ),
    ),
    "CN": CountryProfile(
        16,
        "CNY",
        _places(
            ("Shanghai", "上海", "Шанхай", "Xangai", "शंघाई", COAST),
            ("Shenzhen", "深圳", "Шэньчжэнь", "Shenzhen", "शेन्ज़ेन", COAST),
            ("Hangzhou", "杭州", "Ханчжоу", "Hangzhou", "हांगझोउ"),
            ("Chengdu", "成都", "Чэнду", "Chengdu", "चेंगदू"),
            ("Ordos", "鄂尔多斯", "Ордос", "Ordos", "ओर्डोस"),
            ("Xining", "西宁", "Синин", "Xining", "शिनिंग"),
            ("Wuhan", "武汉", "Ухань", "Wuhan", "वुहान"),
            ("Qingdao", "青岛", "Циндао", "Qingdao", "चिंगदाओ", COAST),
            ("Kunming", "昆明", "Куньмин", "Kunming", "कुनमिंग"),
            ("Tianjin", "天津", "Тяньцзинь", "Tianjin", "तियानजिन", COAST),
            ("Yancheng", "盐城", "Яньчэн", "Yancheng", "यानचेंग", COAST),
        ),
        native=ZH,
        languages=("zh", "en"),
        phone="+86",
        legal="{name} Co., Ltd.",
        male=(
            ("Wei", "伟"),
            ("Lei", "磊"),
            ("Jianguo", "建国"),
            ("Xiaoming", "晓明"),
            ("Zhiqiang", "志强"),
            ("Hao", "浩"),
            ("Tao", "涛"),
            ("Yifan", "一帆"),
        ),
        female=(
            ("Fang", "芳"),
            ("Min", "敏"),
            ("Jing", "静"),
            ("Haiyan", "海燕"),
            ("Yuting", "雨婷"),
            ("Jiahui", "佳慧"),
            ("Ruolan", "若兰"),
            ("Lina", "丽娜"),
        ),
        surnames=(
            ("Wang", "王"),
            ("Li", "李"),
            ("Zhang", "张"),
            ("Liu", "刘"),
            ("Chen", "陈"),
            ("Yang", "杨"),
            ("Zhao", "赵"),
            ("Huang", "黄"),
            ("Zhou", "周"),
            ("Wu", "吴"),
            ("Xu", "徐"),
            ("Sun", "孙"),
            ("Ma", "马"),
            ("Zhu", "朱"),
            ("Hu", "胡"),
            ("Guo", "郭"),
            ("He", "何"),
            ("Lin", "林"),
            ("Gao", "高"),
            ("Luo", "罗"),
        ),
        surname_first=True,
    ),
    "RU": CountryProfile(
        12,
        "RUB",
        _places(
            ("Kazan", "喀山", "Казань", "Kazan", "कज़ान"),
            ("Novosibirsk", "新西伯利亚", "Новосибирск", "Novosibirsk", "नोवोसिबिर्स्क"),
            ("Yekaterinburg", "叶卡捷琳堡", "Екатеринбург", "Ecaterimburgo", "येकातेरिनबर्ग"),
            ("Krasnoyarsk", "克拉斯诺亚尔斯克", "Красноярск", "Krasnoyarsk", "क्रास्नोयार्स्क"),
            (
                "Saint Petersburg",
                "圣彼得堡",
                "Санкт-Петербург",
                "São Petersburgo",
                "सेंट पीटर्सबर्ग",
                COAST,
            ),
            ("Astrakhan", "阿斯特拉罕", "Астрахань", "Astracã", "अस्त्राखान"),
            ("Vladivostok", "符拉迪沃斯托克", "Владивосток", "Vladivostok", "व्लादिवोस्तोक", COAST),
            ("Ulyanovsk", "乌里扬诺夫斯克", "Ульяновск", "Ulianovsk", "उल्यानोव्स्क"),
            ("Irkutsk", "伊尔库茨克", "Иркутск", "Irkutsk", "इर्कुत्स्क"),
            ("Murmansk", "摩尔曼斯克", "Мурманск", "Murmansk", "मरमंस्क", COAST),
        ),
        native=RU,
        languages=("ru", "en"),
        phone="+7",
        legal="{name} LLC",
        male=(
            ("Alexei", "Алексей"),
            ("Dmitry", "Дмитрий"),
            ("Sergei", "Сергей"),
            ("Andrei", "Андрей"),
            ("Ivan", "Иван"),
            ("Mikhail", "Михаил"),
            ("Nikolai", "Николай"),
            ("Pavel", "Павел"),
            ("Artem", "Артём"),
            ("Igor", "Игорь"),
        ),
        female=(
            ("Elena", "Елена"),
            ("Olga", "Ольга"),
            ("Natalia", "Наталья"),
            ("Anna", "Анна"),
            ("Maria", "Мария"),
            ("Irina", "Ирина"),
            ("Tatiana", "Татьяна"),
            ("Ekaterina", "Екатерина"),
            ("Svetlana", "Светлана"),
            ("Yulia", "Юлия"),
        ),
        surnames=(
            ("Ivanov", "Иванов"),
            ("Petrov", "Петров"),
            ("Smirnov", "Смирнов"),
            ("Kuznetsov", "Кузнецов"),
            ("Sokolov", "Соколов"),
            ("Volkov", "Волков"),
            ("Morozov", "Морозов"),
            ("Lebedev", "Лебедев"),
            ("Kozlov", "Козлов"),
            ("Novikov", "Новиков"),
            ("Fedorov", "Фёдоров"),
            ("Orlov", "Орлов"),
            ("Belov", "Белов"),
            ("Zaitsev", "Зайцев"),
            ("Vasiliev", "Васильев"),
            ("Romanov", "Романов"),
            ("Ilyin", "Ильин"),
            ("Nikitin", "Никитин"),
            ("Golubev", "Голубев"),
            ("Sorokin", "Сорокин"),
        ),
        female_suffix=("a", "а"),
    ),
    "IN": CountryProfile(
        14,
        "INR",
        _places(
            ("Pune", "浦那", "Пуна", "Pune", "पुणे"),
            ("Jodhpur", "焦特布尔", "Джодхпур", "Jodhpur", "जोधपुर"),
            ("Ahmedabad", "艾哈迈达巴德", "Ахмадабад", "Ahmedabad", "अहमदाबाद"),
            ("Chennai", "金奈", "Ченнаи", "Chennai", "चेन्नई", COAST),
            ("Bengaluru", "班加罗尔", "Бангалор", "Bangalore", "बेंगलुरु"),
            ("Nagpur", "那格浦尔", "Нагпур", "Nagpur", "नागपुर"),
            ("Bhadla", "巴德拉", "Бхадла", "Bhadla", "भड़ला"),
            ("Kochi", "科钦", "Кочи", "Kochi", "कोच्चि", COAST),
            ("Lucknow", "勒克瑙", "Лакхнау", "Lucknow", "लखनऊ"),
            (
                "Visakhapatnam",
                "维沙卡帕特南",
                "Висакхапатнам",
                "Visakhapatnam",
                "विशाखापत्तनम",
                COAST,
            ),
            ("Kutch", "卡奇", "Кач", "Kutch", "कच्छ", COAST),
        ),
        native=HI,
        languages=("hi", "en"),
        phone="+91",
        legal="{name} Pvt. Ltd.",
        male=(
            ("Arjun", "अर्जुन"),
            ("Rahul", "राहुल"),
            ("Vikram", "विक्रम"),
            ("Amit", "अमित"),
            ("Suresh", "सुरेश"),
            ("Rajesh", "राजेश"),
            ("Anil", "अनिल"),
            ("Karthik", "कार्तिक"),
            ("Sanjay", "संजय"),
            ("Rohan", "रोहन"),
        ),
        female=(
            ("Priya", "प्रिया"),
            ("Ananya", "अनन्या"),
            ("Kavita", "कविता"),
            ("Deepa", "दीपा"),
            ("Meera", "मीरा"),
            ("Sunita", "सुनीता"),
            ("Neha", "नेहा"),
            ("Lakshmi", "लक्ष्मी"),
            ("Pooja", "पूजा"),
            ("Aishwarya", "ऐश्वर्या"),
        ),
        surnames=(
            ("Sharma", "शर्मा"),
            ("Patel", "पटेल"),
            ("Iyer", "अय्यर"),
            ("Reddy", "रेड्डी"),
            ("Nair", "नायर"),
            ("Gupta", "गुप्ता"),
            ("Singh", "सिंह"),
            ("Das", "दास"),
            ("Kulkarni", "कुलकर्णी"),
            ("Banerjee", "बनर्जी"),
            ("Menon", "मेनन"),
            ("Joshi", "जोशी"),
            ("Rao", "राव"),
            ("Verma", "वर्मा"),
            ("Mehta", "मेहता"),
            ("Chatterjee", "चटर्जी"),
        ),
    ),
    "ZA": CountryProfile(
        7,
        "ZAR",
        _places(
            ("Johannesburg", "约翰内斯堡", "Йоханнесбург", "Joanesburgo", "जोहान्सबर्ग"),
            ("Durban", "德班", "Дурбан", "Durban", "डरबन", COAST),
            ("Upington", "阿平顿", "Апингтон", "Upington", "अपिंगटन"),
            ("Gqeberha", "格克贝哈", "Гкеберха", "Gqeberha", "गकेबरहा", COAST),
            ("Stellenbosch", "斯泰伦博斯", "Стелленбос", "Stellenbosch", "स्टेलनबॉश"),
            ("Polokwane", "波罗克瓦尼", "Полокване", "Polokwane", "पोलोकवाने"),
        ),
        phone="+27",
        legal="{name} (Pty) Ltd",
        male=_latin("Thabo", "Sipho", "Pieter", "Johan", "Kagiso", "Mandla"),
        female=_latin("Lerato", "Naledi", "Anele", "Zanele", "Annelie", "Thandiwe"),
        surnames=_latin(
            "Nkosi", "Mokoena", "Dlamini", "Ndlovu", "van der Merwe", "Botha", "Naidoo", "Khumalo"
        ),
    ),
    "EG": CountryProfile(
        4,
        "EGP",
        _places(
            ("Alexandria", "亚历山大", "Александрия", "Alexandria", "अलेक्ज़ांद्रिया", COAST),
            ("Aswan", "阿斯旺", "Асуан", "Assuã", "असवान"),
            ("Benban", "本班", "Бенбан", "Benban", "बेनबान"),
            ("Suez", "苏伊士", "Суэц", "Suez", "स्वेज़", COAST),
            ("Zafarana", "扎法拉纳", "Зафарана", "Zafarana", "ज़फ़राना", COAST),
            ("Giza", "吉萨", "Гиза", "Gizé", "गीज़ा"),
        ),
        languages=("ar", "en", "fr"),
        phone="+20",
        legal="{name} S.A.E.",
        male=_latin("Ahmed", "Mohamed", "Omar", "Karim", "Tarek", "Youssef"),
        female=_latin("Mona", "Nour", "Heba", "Yasmin", "Salma", "Dina"),
        surnames=_latin(
            "Hassan", "El-Sayed", "Farouk", "Mostafa", "Abdel-Rahman", "Ibrahim", "Fahmy"
        ),
    ),
    "ET": CountryProfile(
        3,
        "ETB",
        _places(
            ("Addis Ababa", "亚的斯亚贝巴", "Аддис-Абеба", "Adis Abeba", "अदीस अबाबा"),
            ("Adama", "阿达马", "Адама", "Adama", "अदामा"),
            ("Bahir Dar", "巴赫达尔", "Бахр-Дар", "Bahir Dar", "बहिर दार"),
            ("Hawassa", "哈瓦萨", "Аваса", "Hawassa", "हवासा"),
            ("Mekelle", "默克莱", "Мэкэле", "Mekele", "मेकेले"),
        ),
        languages=("am", "en"),
        phone="+251",
        legal="{name} PLC",
        male=_latin("Abebe", "Dawit", "Yonas", "Bereket", "Samuel"),
        female=_latin("Selam", "Hiwot", "Meron", "Tigist", "Liya"),
        surnames=_latin("Tesfaye", "Bekele", "Girma", "Haile", "Alemu", "Tadesse", "Wolde"),
    ),
    "IR": CountryProfile(
        3,
        "IRR",
        _places(
            ("Isfahan", "伊斯法罕", "Исфахан", "Isfahan", "इस्फ़हान"),
            ("Shiraz", "设拉子", "Шираз", "Shiraz", "शिराज़"),
            ("Tabriz", "大不里士", "Тебриз", "Tabriz", "तबरेज़"),
            ("Mashhad", "马什哈德", "Мешхед", "Mashhad", "मशहद"),
            ("Yazd", "亚兹德", "Йезд", "Yazd", "यज़्द"),
            ("Bandar Abbas", "阿巴斯港", "Бендер-Аббас", "Bandar Abbas", "बंदर अब्बास", COAST),
        ),
        languages=("fa", "en"),
        phone="+98",
        legal="{name} Co.",
        male=_latin("Reza", "Ali", "Hossein", "Mehdi", "Amir"),
        female=_latin("Maryam", "Zahra", "Fatemeh", "Niloufar", "Shirin"),
        surnames=_latin("Ahmadi", "Hosseini", "Karimi", "Moradi", "Rahimi", "Tehrani", "Jafari"),
    ),
    "AE": CountryProfile(
        4,
        "AED",
        _places(
            ("Abu Dhabi", "阿布扎比", "Абу-Даби", "Abu Dhabi", "अबू धाबी", COAST),
            ("Dubai", "迪拜", "Дубай", "Dubai", "दुबई", COAST),
            ("Sharjah", "沙迦", "Шарджа", "Sharjah", "शारजाह", COAST),
            ("Masdar City", "马斯达尔城", "Масдар-Сити", "Masdar City", "मसदर सिटी"),
            ("Al Ain", "艾因", "Эль-Айн", "Al Ain", "अल ऐन"),
        ),
        languages=("ar", "en"),
        phone="+971",
        legal="{name} LLC",
        male=_latin("Khalid", "Saeed", "Rashid", "Omar", "Hamdan"),
        female=_latin("Fatima", "Mariam", "Aisha", "Noura", "Hessa"),
        surnames=_latin(
            "Al Mansoori", "Al Hashimi", "Al Shamsi", "Al Nuaimi", "Al Mazrouei", "Al Ketbi"
        ),
    ),
    "SA": CountryProfile(
        4,
        "SAR",
        _places(
            ("Riyadh", "利雅得", "Эр-Рияд", "Riad", "रियाद"),
            ("Jeddah", "吉达", "Джидда", "Jidá", "जेद्दा", COAST),
            ("NEOM", "新未来城", "НЕОМ", "NEOM", "नियोम", COAST),
            ("Dammam", "达曼", "Даммам", "Damã", "दम्माम", COAST),
            ("Sudair", "苏代尔", "Судаир", "Sudair", "सुदैर"),
        ),
        languages=("ar", "en"),
        phone="+966",
        legal="{name} Co.",
        male=_latin("Abdullah", "Faisal", "Turki", "Saud", "Nasser"),
        female=_latin("Noura", "Reem", "Lama", "Sara", "Hind"),
        surnames=_latin(
            "Al-Qahtani", "Al-Otaibi", "Al-Ghamdi", "Al-Harbi", "Al-Zahrani", "Al-Shehri"
        ),
    ),
    "ID": CountryProfile(
        5,
        "IDR",
        _places(
            ("Surabaya", "泗水", "Сурабая", "Surabaia", "सुराबाया", COAST),
            ("Bandung", "万隆", "Бандунг", "Bandung", "बांडुंग"),
            ("Makassar", "望加锡", "Макассар", "Macáçar", "मकास्सर", COAST),
            ("Semarang", "三宝垄", "Семаранг", "Semarang", "सेमारंग", COAST),
            ("Cirata", "奇拉塔", "Чирата", "Cirata", "सिराटा"),
        ),
        languages=("id", "en"),
        phone="+62",
        legal="PT {name}",
        male=_latin("Budi", "Agus", "Rizki", "Dimas", "Hendra"),
        female=_latin("Siti", "Dewi", "Ayu", "Rina", "Putri"),
        surnames=_latin(
            "Santoso", "Rahayu", "Wijaya", "Pratama", "Hidayat", "Setiawan", "Nugroho", "Kusuma"
        ),
    ),
    "BY": CountryProfile(
        1.5,
        "USD",
        _places(
            ("Minsk", "明斯克", "Минск", "Minsk", "मिन्स्क"),
            ("Grodno", "格罗德诺", "Гродно", "Grodno", "ग्रोड्नो"),
            ("Gomel", "戈梅利", "Гомель", "Gomel", "गोमेल"),
        ),
        native=RU,
        languages=("ru", "en"),
        phone="+375",
        legal="{name} JSC",
        male=_latin("Andrei", "Siarhei", "Maksim", "Pavel", "Dzmitry"),
        female=_latin("Alena", "Volha", "Darya", "Hanna", "Katsiaryna"),
        surnames=_latin("Kovalenko", "Novik", "Karpovich", "Zhuk", "Lukashevich", "Bondarenko"),
    ),
    "BO": CountryProfile(
        1,
        "USD",
        _places(
            (
                "Santa Cruz de la Sierra",
                "圣克鲁斯",
                "Санта-Крус-де-ла-Сьерра",
                "Santa Cruz de la Sierra",
                "सांता क्रूज़ दे ला सिएरा",
            ),
            ("Cochabamba", "科恰班巴", "Кочабамба", "Cochabamba", "कोचाबाम्बा"),
            ("Uyuni", "乌尤尼", "Уюни", "Uyuni", "उयूनी"),
        ),
        languages=("es", "en"),
        phone="+591",
        legal="{name} S.R.L.",
        male=_latin("Luis", "Juan", "Carlos", "Marco", "Diego"),
        female=_latin("María", "Ana", "Carla", "Gabriela", "Lucía"),
        surnames=_latin("Quispe", "Mamani", "Flores", "Choque", "Rojas", "Vargas"),
    ),
    "KZ": CountryProfile(
        2,
        "USD",
        _places(
            ("Almaty", "阿拉木图", "Алматы", "Almaty", "अल्माटी"),
            ("Astana", "阿斯塔纳", "Астана", "Astana", "अस्ताना"),
            ("Shymkent", "奇姆肯特", "Шымкент", "Shymkent", "शिमकेंट"),
            ("Karaganda", "卡拉干达", "Караганда", "Karaganda", "कारागांडा"),
        ),
        native=RU,
        languages=("ru", "en"),
        phone="+7",
        legal="{name} LLP",
        male=_latin("Nursultan", "Yerlan", "Daniyar", "Askar", "Timur"),
        female=_latin("Aigerim", "Dana", "Madina", "Aliya", "Zhanna"),
        surnames=_latin("Abenov", "Zhakupov", "Seitkaliev", "Nurlanov", "Bekov", "Ospanov"),
        female_suffix=("a", "а"),
    ),
    "CU": CountryProfile(
        1,
        "USD",
        _places(
            ("Havana", "哈瓦那", "Гавана", "Havana", "हवाना", COAST),
            (
                "Santiago de Cuba",
                "古巴圣地亚哥",
                "Сантьяго-де-Куба",
                "Santiago de Cuba",
                "सैंटियागो दे क्यूबा",
                COAST,
            ),
            ("Cienfuegos", "西恩富戈斯", "Сьенфуэгос", "Cienfuegos", "सिएनफ़्यूगोस", COAST),
        ),
        languages=("es", "en"),
        phone="+53",
        legal="{name} S.A.",
        male=_latin("Alejandro", "Yoel", "Ernesto", "Raúl"),
        female=_latin("Yanet", "Yamilé", "Daniela", "Liset"),
        surnames=_latin("Rodríguez", "Pérez", "González", "Hernández", "Díaz", "Fernández"),
    ),
    "MY": CountryProfile(
        2,
        "USD",
        _places(
            ("Kuala Lumpur", "吉隆坡", "Куала-Лумпур", "Kuala Lumpur", "कुआलालंपुर"),
            ("Penang", "槟城", "Пенанг", "Penang", "पेनांग", COAST),
            ("Kuching", "古晋", "Кучинг", "Kuching", "कुचिंग"),
        ),
        languages=("en",),
        phone="+60",
        legal="{name} Sdn Bhd",
        male=_latin("Hafiz", "Faizal", "Kumar", "Wei Ming"),
        female=_latin("Nur Aisyah", "Siti Hajar", "Mei Ling", "Kavitha"),
        surnames=_latin("Ismail", "Rahman", "Tan", "Lim", "Abdullah", "Wong"),
    ),
    "TH": CountryProfile(
        2,
        "USD",
        _places(
            ("Bangkok", "曼谷", "Бангкок", "Bangkok", "बैंकॉक"),
            ("Chiang Mai", "清迈", "Чиангмай", "Chiang Mai", "चियांग माई"),
            ("Rayong", "罗勇", "Районг", "Rayong", "रायोंग", COAST),
        ),
        languages=("en",),
        phone="+66",
        legal="{name} Co., Ltd.",
        male=_latin("Somchai", "Anan", "Kittipong", "Prasert"),
        female=_latin("Siriporn", "Nattaya", "Ploy", "Wanida"),
        surnames=_latin("Srisuk", "Wongsakul", "Chaiyaporn", "Boonmee", "Rattanakorn"),
    ),
    "UG": CountryProfile(
        1,
        "USD",
        _places(
            ("Kampala", "坎帕拉", "Кампала", "Kampala", "कंपाला"),
            ("Jinja", "金贾", "Джинджа", "Jinja", "जिंजा"),
            ("Gulu", "古卢", "Гулу", "Gulu", "गुलु"),
        ),
        phone="+256",
        male=_latin("Joseph", "Moses", "Brian", "Ronald"),
        female=_latin("Grace", "Sarah", "Esther", "Patience"),
        surnames=_latin("Okello", "Nakato", "Mugisha", "Ssempala", "Namutebi", "Opio"),
    ),
    "UZ": CountryProfile(
        1.5,
        "USD",
        _places(
            ("Tashkent", "塔什干", "Ташкент", "Tashkent", "ताशकंद"),
            ("Samarkand", "撒马尔罕", "Самарканд", "Samarcanda", "समरकंद"),
            ("Navoi", "纳沃伊", "Навои", "Navoi", "नवोई"),
        ),
        languages=("ru", "en"),
        phone="+998",
        legal="{name} LLC",
        male=_latin("Rustam", "Jasur", "Bekzod", "Timur"),
        female=_latin("Dilnoza", "Nigora", "Malika", "Gulnora"),
        surnames=_latin("Karimov", "Yusupov", "Rakhimov", "Tursunov", "Abdullaev"),
        female_suffix=("a", "а"),
    ),
    "NG": CountryProfile(
        2,
        "USD",
        _places(
            ("Lagos", "拉各斯", "Лагос", "Lagos", "लागोस", COAST),
            ("Abuja", "阿布贾", "Абуджа", "Abuja", "अबुजा"),
            ("Kano", "卡诺", "Кано", "Kano", "कानो"),
        ),
        phone="+234",
        male=_latin("Chinedu", "Emeka", "Tunde", "Ibrahim", "Femi"),
        female=_latin("Aisha", "Ngozi", "Funmilayo", "Amaka", "Zainab"),
        surnames=_latin("Okafor", "Bello", "Adeyemi", "Eze", "Ogunleye", "Musa", "Nwosu"),
    ),
    "VN": CountryProfile(
        2,
        "USD",
        _places(
            ("Hanoi", "河内", "Ханой", "Hanói", "हनोई"),
            ("Da Nang", "岘港", "Дананг", "Da Nang", "दा नांग", COAST),
            ("Ninh Thuan", "宁顺", "Ниньтхуан", "Ninh Thuan", "निन्ह थुआन", COAST),
            ("Ho Chi Minh City", "胡志明市", "Хошимин", "Ho Chi Minh", "हो ची मिन्ह सिटी", COAST),
        ),
        languages=("vi", "en"),
        phone="+84",
        legal="{name} JSC",
        male=_latin("Minh", "Tuan", "Hung", "Duc"),
        female=_latin("Lan", "Huong", "Mai", "Thu"),
        surnames=_latin("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"),
        surname_first=True,
    ),
    "KE": CountryProfile(
        1.5,
        "USD",
        _places(
            ("Nairobi", "内罗毕", "Найроби", "Nairóbi", "नैरोबी"),
            ("Naivasha", "奈瓦沙", "Найваша", "Naivasha", "नैवाशा"),
            ("Mombasa", "蒙巴萨", "Момбаса", "Mombaça", "मोम्बासा", COAST),
        ),
        phone="+254",
        male=_latin("James", "Peter", "Brian", "Kevin"),
        female=_latin("Wanjiru", "Akinyi", "Faith", "Mercy"),
        surnames=_latin("Kamau", "Otieno", "Mwangi", "Kiprop", "Njoroge", "Odhiambo"),
    ),
    "CL": CountryProfile(
        1.5,
        "USD",
        _places(
            ("Antofagasta", "安托法加斯塔", "Антофагаста", "Antofagasta", "एंटोफ़गास्टा", COAST),
            ("Santiago", "圣地亚哥", "Сантьяго", "Santiago", "सैंटियागो"),
        ),
        languages=("es", "en"),
        phone="+56",
        legal="{name} SpA",
        male=_latin("Matías", "Sebastián", "Felipe", "Cristóbal"),
        female=_latin("Camila", "Valentina", "Francisca", "Javiera"),
        surnames=_latin("Soto", "Muñoz", "Rojas", "Contreras", "Silva", "Fuentes"),
    ),
    "AR": CountryProfile(
        1.5,
        "USD",
        _places(
            ("Córdoba", "科尔多瓦", "Кордова", "Córdoba", "कोर्डोबा"),
            ("Neuquén", "内乌肯", "Неукен", "Neuquén", "न्यूकेन"),
            ("Bahía Blanca", "布兰卡港", "Баия-Бланка", "Bahía Blanca", "बाहिया ब्लांका", COAST),
        ),
        languages=("es", "en"),
        phone="+54",
        legal="{name} S.A.",
        male=_latin("Martín", "Santiago", "Nicolás", "Federico"),
        female=_latin("Lucía", "Sofía", "Florencia", "Agustina"),
        surnames=_latin("González", "Fernández", "López", "Martínez", "Romero", "Sosa"),
    ),
    "MX": CountryProfile(
        1,
        "USD",
        _places(
            ("Monterrey", "蒙特雷", "Монтеррей", "Monterrey", "मोंटेरे"),
            ("Hermosillo", "埃莫西约", "Эрмосильо", "Hermosillo", "हर्मोसिलो"),
        ),
        languages=("es", "en"),
        phone="+52",
        legal="{name} S.A. de C.V.",
        male=_latin("José", "Alejandro", "Diego", "Emiliano"),
        female=_latin("Sofía", "Ximena", "Regina", "Valeria"),
        surnames=_latin("Hernández", "García", "Martínez", "López", "Ramírez", "Torres"),
    ),
    "DE": CountryProfile(
        1,
        "EUR",
        _places(
            ("Hamburg", "汉堡", "Гамбург", "Hamburgo", "हैम्बर्ग", COAST),
            ("Leipzig", "莱比锡", "Лейпциг", "Leipzig", "लाइपज़िग"),
        ),
        languages=("de", "en"),
        phone="+49",
        legal="{name} GmbH",
        male=_latin("Jonas", "Lukas", "Felix", "Tobias"),
        female=_latin("Katrin", "Anna", "Julia", "Miriam"),
        surnames=_latin("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker"),
    ),
    "MA": CountryProfile(
        1.5,
        "USD",
        _places(
            ("Ouarzazate", "瓦尔扎扎特", "Уарзазат", "Ouarzazate", "वारज़ाज़ात"),
            ("Tangier", "丹吉尔", "Танжер", "Tânger", "टैंजियर", COAST),
        ),
        languages=("ar", "fr", "en"),
        phone="+212",
        legal="{name} SARL",
        male=_latin("Youssef", "Mehdi", "Hamza", "Karim"),
        female=_latin("Salma", "Imane", "Fatima-Zahra", "Sara"),
        surnames=_latin("Benali", "El Amrani", "Alaoui", "Berrada", "Tazi", "Bennani"),
    ),
}

# Companies ----------------------------------------------------------------------------------

# The industry word of a company name: English, Chinese, Russian (Latin and Cyrillic parts of
# a compound brand such as "VolgaEnergo"), Portuguese and Hindi (transliterated, as Indian
# companies write English names in Devanagari).
INDUSTRIES = {
    "solar": ("Solar Technology", "光伏科技", "Solar", "Солар", "Energia Solar", "सोलर टेक्नोलॉजी"),
    "wind": ("Wind Power", "风电", "Vetroenergo", "Ветроэнерго", "Energia Eólica", "विंड पावर"),
    "hydro": ("Hydro Power", "水电", "Gidro", "Гидро", "Hidroenergia", "हाइड्रो पावर"),
    "bio": ("Bioenergy", "生物能源", "BioEnergo", "БиоЭнерго", "Bioenergia", "बायोएनर्जी"),
    "hydrogen": ("Hydrogen", "氢能", "H2Tech", "Н2Тех", "Hidrogênio Verde", "हाइड्रोजन"),
    "storage": (
        "Energy Storage",
        "储能科技",
        "EnergoStore",
        "ЭнергоСтор",
        "Armazenamento de Energia",
        "एनर्जी स्टोरेज",
    ),
    "efficiency": (
        "Energy Efficiency",
        "节能科技",
        "EnergoEffekt",
        "ЭнергоЭффект",
        "Eficiência Energética",
        "एनर्जी एफ़िशिएंसी",
    ),
    "buildings": (
        "Green Building",
        "绿色建筑科技",
        "EkoStroy",
        "ЭкоСтрой",
        "Construção Sustentável",
        "ग्रीन बिल्डिंग",
    ),
    "transport": (
        "E-Mobility",
        "新能源汽车",
        "ElektroTrans",
        "ЭлектроТранс",
        "Mobilidade Elétrica",
        "ई-मोबिलिटी",
    ),
    "recycling": ("Recycling", "再生资源", "EkoResurs", "ЭкоРесурс", "Reciclagem", "रीसाइक्लिंग"),
    "water": (
        "Water Technologies",
        "水务科技",
        "AkvaTekh",
        "АкваТех",
        "Soluções Hídricas",
        "वॉटर टेक्नोलॉजीज़",
    ),
    "agri": ("Agritech", "农业科技", "AgroTekh", "АгроТех", "Agrotecnologia", "एग्रीटेक"),
    "industry": (
        "Clean Industry",
        "低碳工业",
        "PromEko",
        "ПромЭко",
        "Indústria Limpa",
        "क्लीन इंडस्ट्रीज़",
    ),
    "carbon": (
        "Carbon Solutions",
        "碳科技",
        "KarbonTekh",
        "КарбонТех",
        "Soluções em Carbono",
        "कार्बन सॉल्यूशंस",
    ),
    "grid": (
        "Smart Energy",
        "智慧能源",
        "EnergoSet",
        "ЭнергоСеть",
        "Energia Inteligente",
        "स्मार्ट एनर्जी",
    ),
}

# Brand stems by country as (Latin, native script or None); other countries use GENERIC_BRANDS.
BRANDS = {
    "CN": (
        ("Tianrun", "天润"),
        ("Xinyuan", "鑫源"),
        ("Huaxin", "华信"),
        ("Hengyuan", "恒源"),
        ("Jinyang", "金阳"),
        ("Qingfeng", "清风"),
        ("Haitian", "海天"),
        ("Ruineng", "瑞能"),
        ("Boyuan", "博远"),
        ("Yuanhang", "远航"),
        ("Lanshan", "蓝山"),
        ("Zhongxin", "中鑫"),
    ),
    "RU": (
        ("Volga", "Волга"),
        ("Ural", "Урал"),
        ("Sibir", "Сибирь"),
        ("Baikal", "Байкал"),
        ("Neva", "Нева"),
        ("Altai", "Алтай"),
        ("Sever", "Север"),
        ("Kama", "Кама"),
        ("Amur", "Амур"),
        ("Yenisei", "Енисей"),
    ),
    "IN": (
        ("Shakti", "शक्ति"),
        ("Surya", "सूर्य"),
        ("Prakash", "प्रकाश"),
        ("Vayu", "वायु"),
        ("Ganga", "गंगा"),
        ("Sahyadri", "सह्याद्रि"),
        ("Aravali", "अरावली"),
        ("Tejas", "तेजस"),
        ("Urja", "ऊर्जा"),
        ("Nirmal", "निर्मल"),
        ("Harit", "हरित"),
        ("Kaveri", "कावेरी"),
    ),
    "BR": _latin(
        "Solaris",
        "Ventos do Sul",
        "Itapuã",
        "Tropical",
        "Serra Verde",
        "Cerrado",
        "Aurora",
        "Horizonte",
        "Paraná",
        "Atlântica",
        "Caatinga",
        "Jacarandá",
    ),
}
GENERIC_BRANDS = (
    "Greenline",
    "Sunvale",
    "BlueRiver",
    "Terra Nova",
    "Evergreen",
    "Zenith",
    "Helios",
    "Aquila",
    "Novum",
    "Savanna",
    "Delta",
    "Meridian",
    "Polaris",
    "Baobab",
    "Oasis",
    "Kestrel",
)
# Chinese company names start with the province.
CN_PROVINCES = (
    ("Jiangsu", "江苏"),
    ("Zhejiang", "浙江"),
    ("Guangdong", "广东"),
    ("Shandong", "山东"),
    ("Sichuan", "四川"),
    ("Anhui", "安徽"),
    ("Qinghai", "青海"),
    ("Hebei", "河北"),
    ("Fujian", "福建"),
    ("Hubei", "湖北"),
)

# Topics -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectKind:
    title: tuple  # with {n} and {place}
    low: int
    high: int
    step: int
    usd_per_unit: float
    co2_per_unit: float
    unit: str = ""  # the English unit, for descriptions


@dataclass(frozen=True)
class Topic:
    key: str
    sectors: tuple  # Sector codes, the main one first
    fields: tuple  # TechnologyField codes
    sdgs: tuple
    industry: str
    label: tuple  # a short name of the field, used after "experience in" and in headlines
    # Plural; Russian in the nominative (also the accusative of inanimate nouns), Hindi in the
    # oblique case, as it always precedes a postposition (का, की, में).
    products: tuple
    names: tuple  # technology names
    apps: tuple  # "for ..." applications; Russian genitive; may be empty
    projects: tuple  # ProjectKind
    pitches: tuple
    details: tuple  # English sentences
    tech_co2: tuple  # tCO2e a year per installation, (low, high)
    favoured: frozenset = frozenset()  # countries where the topic is common
    coastal: bool = False  # its projects need a coastal site


TOPICS = (
    Topic(
        "floating-solar",
        ("solar-energy", "water-wastewater"),
        ("y02e",),
        (7, 6, 13),
        "solar",
        (
            "floating solar PV",
            "漂浮式光伏",
            "плавучие солнечные электростанции",
            "energia solar flutuante",
            "तैरती सौर ऊर्जा",
        ),
        (
            "floating photovoltaic systems",
            "漂浮式光伏系统",
            "плавучие фотоэлектрические системы",
            "sistemas fotovoltaicos flutuantes",
            "तैरती फ़ोटोवोल्टिक प्रणालियों",
        ),
        (
            (
                "Floating photovoltaic arrays",
                "漂浮式光伏阵列",
                "Плавучие фотоэлектрические массивы",
                "Matrizes fotovoltaicas flutuantes",
                "तैरते फ़ोटोवोल्टिक ऐरे",
            ),
            (
                "HDPE pontoon mounting systems",
                "高密度聚乙烯浮体支架系统",
                "Понтонные крепёжные системы из ПНД",
                "Sistemas de flutuadores em PEAD",
                "एचडीपीई पोंटून माउंटिंग प्रणालियाँ",
            ),
            (
                "Bifacial floating solar modules",
                "双面发电漂浮式光伏组件",
                "Двусторонние плавучие солнечные модули",
                "Módulos solares bifaciais flutuantes",
                "द्विमुखी तैरते सौर मॉड्यूल",
            ),
        ),
        (
            (
                "hydropower reservoirs",
                "水电站水库",
                "водохранилищ ГЭС",
                "reservatórios de hidrelétricas",
                "जलविद्युत जलाशयों",
            ),
            (
                "irrigation ponds",
                "灌溉蓄水池",
                "оросительных прудов",
                "lagoas de irrigação",
                "सिंचाई तालाबों",
            ),
            (
                "water-treatment lagoons",
                "水处理塘",
                "прудов-отстойников очистных сооружений",
                "lagoas de tratamento de água",
                "जल-उपचार लैगूनों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW floating solar plant in {place}",
                    "{place}{n}兆瓦漂浮式光伏电站",
                    "Плавучая солнечная электростанция {n} МВт, {place}",
                    "Usina solar flutuante de {n} MW em {place}",
                    "{place} में {n} मेगावाट का तैरता सौर संयंत्र",
                ),
                20,
                300,
                5,
                800_000,
                1_100,
                "MW",
            ),
        ),
        (
            (
                "Generates power on existing reservoirs without using farmland, while cutting "
                "evaporation by up to 70% under the panels.",
                "利用现有水面发电，不占用耕地，并可使组件下方水面蒸发减少多达70%。",
                "Вырабатывает электроэнергию на существующих водоёмах без изъятия сельхозземель и "
                "сокращает испарение под панелями до 70%.",
                "Gera energia em reservatórios existentes sem ocupar terras agrícolas e reduz em "
                "até "
                "70% a evaporação sob os painéis.",
                "कृषि भूमि का उपयोग किए बिना मौजूदा जलाशयों पर बिजली बनाता है और पैनलों के नीचे "
                "वाष्पीकरण को 70% तक कम करता है।",
            ),
            (
                "Water cooling raises module yield by 5–10% compared with ground-mounted plants of "
                "the same size.",
                "水体冷却效应使组件发电量比同规模地面电站高5%–10%。",
                "Охлаждение водой повышает выработку модулей на 5–10% по сравнению с наземными "
                "станциями той же мощности.",
                "O resfriamento pela água aumenta o rendimento dos módulos em 5% a 10% em relação "
                "a "
                "usinas em solo do mesmo porte.",
                "पानी से ठंडक मिलने के कारण समान आकार के ज़मीनी संयंत्रों की तुलना में मॉड्यूल का "
                "उत्पादन 5–10% अधिक होता है।",
            ),
        ),
        (
            "Floats are made of UV-stabilised high-density polyethylene and are designed for a "
            "25-year service life.",
            "The mooring design accommodates water-level swings of more than 15 metres, typical "
            "of hydropower reservoirs.",
            "Sharing the grid connection of an existing hydropower station avoids new "
            "transmission lines and lets operators balance solar and hydro output.",
        ),
        (300, 20_000),
        frozenset({"BR", "CN", "IN", "ID", "TH", "VN"}),
    ),
    Topic(
        "rooftop-solar",
        ("solar-energy", "green-buildings"),
        ("y02e", "y02b"),
        (7, 11, 13),
        "solar",
        (
            "rooftop solar",
            "分布式屋顶光伏",
            "крышные солнечные станции",
            "energia solar em telhados",
            "रूफ़टॉप सौर ऊर्जा",
        ),
        (
            "rooftop photovoltaic systems",
            "屋顶光伏系统",
            "крышные фотоэлектрические системы",
            "sistemas fotovoltaicos de telhado",
            "रूफ़टॉप फ़ोटोवोल्टिक प्रणालियों",
        ),
        (
            (
                "High-efficiency TOPCon solar modules",
                "高效TOPCon光伏组件",
                "Высокоэффективные солнечные модули TOPCon",
                "Módulos solares TOPCon de alta eficiência",
                "उच्च दक्षता वाले TOPCon सौर मॉड्यूल",
            ),
            (
                "Lightweight rail-free PV mounting",
                "轻量化无导轨光伏支架",
                "Облегчённые безрельсовые крепления солнечных модулей",
                "Fixação fotovoltaica leve sem trilhos",
                "हल्की रेल-रहित पीवी माउंटिंग",
            ),
            (
                "Hybrid solar inverters with battery backup",
                "带储能备份的光伏混合逆变器",
                "Гибридные солнечные инверторы с резервными аккумуляторами",
                "Inversores solares híbridos com backup por baterias",
                "बैटरी बैकअप वाले हाइब्रिड सौर इन्वर्टर",
            ),
        ),
        (
            (
                "factory roofs",
                "工厂屋顶",
                "крыш промышленных предприятий",
                "telhados de fábricas",
                "कारखानों की छतों",
            ),
            (
                "schools and hospitals",
                "学校和医院",
                "школ и больниц",
                "escolas e hospitais",
                "स्कूलों और अस्पतालों",
            ),
            (
                "warehouses and logistics centres",
                "仓库和物流中心",
                "складов и логистических центров",
                "armazéns e centros logísticos",
                "गोदामों और लॉजिस्टिक्स केंद्रों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW rooftop solar programme for industrial parks in {place}",
                    "{place}工业园区{n}兆瓦屋顶光伏项目",
                    "Программа крышной солнечной генерации {n} МВт для промышленных парков, "
                    "{place}",
                    "Programa de energia solar em telhados de {n} MW para parques industriais em "
                    "{place}",
                    "{place} के औद्योगिक पार्कों के लिए {n} मेगावाट रूफ़टॉप सौर कार्यक्रम",
                ),
                5,
                120,
                1,
                650_000,
                900,
                "MW",
            ),
        ),
        (
            (
                "Turns unused roof space into on-site power, cutting electricity bills by 20–40% "
                "for commercial users.",
                "将闲置屋顶转化为自发自用电源，工商业用户电费可降低20%–40%。",
                "Превращает неиспользуемые крыши в собственный источник энергии и снижает расходы "
                "на электроэнергию на 20–40%.",
                "Transforma telhados ociosos em geração própria, reduzindo a conta de luz de "
                "usuários comerciais em 20% a 40%.",
                "खाली छतों को अपनी बिजली के स्रोत में बदलता है और व्यावसायिक उपभोक्ताओं के बिजली "
                "बिल "
                "20–40% तक घटाता है।",
            ),
            (
                "Installed in days without roof penetration, with remote monitoring of every "
                "string.",
                "无需在屋面打孔，数日内即可完成安装，并可远程监控每一组串。",
                "Монтаж за несколько дней без сверления кровли, с удалённым контролем каждой "
                "цепочки модулей.",
                "Instalação em poucos dias, sem perfurar o telhado, com monitoramento remoto de "
                "cada string.",
                "छत में छेद किए बिना कुछ ही दिनों में स्थापना, हर स्ट्रिंग की रिमोट निगरानी के साथ।",
            ),
        ),
        (
            "Modules reach a conversion efficiency above 22% and lose less than 0.4% of output "
            "a year.",
            "The mounting system adds under 12 kg per square metre, so most existing roofs need "
            "no structural reinforcement.",
            "Net metering or a power purchase agreement lets building owners adopt the system "
            "without upfront capital.",
        ),
        (50, 3_000),
        frozenset({"CN", "IN", "BR", "ZA", "VN", "MY"}),
    ),
    Topic(
        "concentrated-solar",
        ("solar-energy",),
        ("y02e",),
        (7, 9, 13),
        "solar",
        (
            "concentrated solar power",
            "光热发电",
            "концентрированная солнечная энергетика",
            "energia heliotérmica",
            "सांद्रित सौर ऊर्जा",
        ),
        (
            "solar thermal collectors and molten-salt storage systems",
            "太阳能集热器和熔盐储热系统",
            "солнечные тепловые коллекторы и системы хранения тепла на расплавах солей",
            "coletores solares térmicos e sistemas de armazenamento em sais fundidos",
            "सौर तापीय संग्राहकों और पिघले नमक वाली भंडारण प्रणालियों",
        ),
        (
            (
                "Parabolic-trough solar collectors",
                "槽式太阳能集热器",
                "Параболоцилиндрические солнечные концентраторы",
                "Coletores solares cilindro-parabólicos",
                "परवलयिक गर्त सौर संग्राहक",
            ),
            (
                "Molten-salt thermal energy storage",
                "熔盐储热系统",
                "Тепловые накопители на расплавах солей",
                "Armazenamento térmico em sais fundidos",
                "पिघले नमक वाला तापीय ऊर्जा भंडारण",
            ),
            (
                "Solar steam generators",
                "太阳能蒸汽发生器",
                "Солнечные парогенераторы",
                "Geradores solares de vapor",
                "सौर भाप जनरेटर",
            ),
        ),
        (
            (
                "industrial process heat",
                "工业过程供热",
                "промышленного технологического тепла",
                "calor de processo industrial",
                "औद्योगिक प्रक्रिया ऊष्मा",
            ),
            (
                "desert power plants",
                "荒漠电站",
                "электростанций в пустынях",
                "usinas em regiões desérticas",
                "रेगिस्तानी बिजली संयंत्रों",
            ),
            (
                "food and textile plants",
                "食品和纺织工厂",
                "пищевых и текстильных предприятий",
                "indústrias de alimentos e têxteis",
                "खाद्य और कपड़ा कारखानों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW concentrated solar power plant with storage near {place}",
                    "{place}{n}兆瓦储热型光热电站",
                    "Солнечная тепловая электростанция {n} МВт с накопителем тепла, {place}",
                    "Usina heliotérmica de {n} MW com armazenamento perto de {place}",
                    "{place} के पास भंडारण सहित {n} मेगावाट सांद्रित सौर ऊर्जा संयंत्र",
                ),
                50,
                200,
                10,
                4_500_000,
                2_000,
                "MW",
            ),
        ),
        (
            (
                "Stores solar heat in molten salt and delivers dispatchable power for up to 12 "
                "hours after sunset.",
                "以熔盐储存太阳热能，日落后仍可连续稳定发电长达12小时。",
                "Накапливает солнечное тепло в расплаве солей и выдаёт управляемую мощность до "
                "12 часов после заката.",
                "Armazena o calor solar em sais fundidos e fornece energia despachável por até 12 "
                "horas após o pôr do sol.",
                "सौर ऊष्मा को पिघले नमक में संग्रहित करता है और सूर्यास्त के बाद 12 घंटे तक "
                "नियंत्रित "
                "बिजली देता है।",
            ),
            (
                "Replaces fuel-oil and gas boilers with steam at up to 400 °C for industrial "
                "processes.",
                "以最高400°C的蒸汽替代燃油和燃气锅炉，满足工业生产用热。",
                "Заменяет мазутные и газовые котлы паром температурой до 400 °C для промышленных "
                "процессов.",
                "Substitui caldeiras a óleo e gás por vapor de até 400 °C para processos "
                "industriais.",
                "औद्योगिक प्रक्रियाओं के लिए 400 °C तक की भाप से तेल और गैस बॉयलरों की जगह लेता है।",
            ),
        ),
        (
            "Collector rows track the sun on a single axis and are cleaned by water-saving robots.",
            "The two-tank storage system uses a nitrate salt mixture that stays liquid above "
            "240 °C.",
            "Direct normal irradiation above 2,200 kWh per square metre a year makes the "
            "technology competitive.",
        ),
        (1_000, 60_000),
        frozenset({"CN", "MA", "ZA", "SA", "AE", "CL", "EG"}),
    ),
    Topic(
        "onshore-wind",
        ("wind-energy",),
        ("y02e",),
        (7, 9, 13),
        "wind",
        (
            "onshore wind power",
            "陆上风电",
            "наземная ветроэнергетика",
            "energia eólica terrestre",
            "तटवर्ती पवन ऊर्जा",
        ),
        (
            "wind turbines and rotor blades",
            "风电机组和叶片",
            "ветроэнергетические установки и лопасти",
            "aerogeradores e pás eólicas",
            "पवन टर्बाइनों और रोटर ब्लेडों",
        ),
        (
            (
                "Low-wind-speed turbines with 170 m rotors",
                "170米风轮低风速风电机组",
                "Ветроустановки для слабых ветров с ротором 170 м",
                "Aerogeradores para ventos fracos com rotor de 170 m",
                "170 मीटर रोटर वाले कम हवा की गति के टर्बाइन",
            ),
            (
                "Drone-based blade inspection",
                "无人机叶片巡检",
                "Инспекция лопастей с помощью дронов",
                "Inspeção de pás por drones",
                "ड्रोन आधारित ब्लेड निरीक्षण",
            ),
            (
                "Recyclable thermoplastic rotor blades",
                "可回收热塑性叶片",
                "Перерабатываемые термопластичные лопасти",
                "Pás eólicas recicláveis de termoplástico",
                "पुनर्चक्रण योग्य थर्मोप्लास्टिक रोटर ब्लेड",
            ),
        ),
        (
            (
                "inland wind farms",
                "内陆风电场",
                "континентальных ветропарков",
                "parques eólicos no interior",
                "अंतर्देशीय पवन फ़ार्मों",
            ),
            (
                "cold-climate sites",
                "高寒地区风场",
                "площадок с холодным климатом",
                "locais de clima frio",
                "ठंडी जलवायु वाले स्थलों",
            ),
            (
                "repowering ageing wind farms",
                "老旧风电场改造",
                "модернизации устаревших ветропарков",
                "repotenciação de parques eólicos antigos",
                "पुराने पवन फ़ार्मों के पुनर्सशक्तिकरण",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW wind farm near {place}",
                    "{place}{n}兆瓦风电场",
                    "Ветропарк {n} МВт, {place}",
                    "Parque eólico de {n} MW perto de {place}",
                    "{place} के पास {n} मेगावाट पवन फ़ार्म",
                ),
                30,
                600,
                10,
                1_300_000,
                1_800,
                "MW",
            ),
        ),
        (
            (
                "Larger rotors raise annual energy yield by up to 25% at sites with average wind "
                "speeds of 6 m/s.",
                "更大的风轮可使平均风速6米/秒场址的年发电量提升多达25%。",
                "Увеличенный ротор повышает годовую выработку до 25% на площадках со средней "
                "скоростью ветра 6 м/с.",
                "Rotores maiores elevam a produção anual em até 25% em locais com ventos médios de "
                "6 m/s.",
                "बड़े रोटर 6 मीटर/सेकंड औसत हवा वाले स्थलों पर वार्षिक उत्पादन 25% तक बढ़ाते हैं।",
            ),
            (
                "Predictive maintenance cuts unplanned downtime and extends turbine life beyond "
                "25 years.",
                "预测性维护减少非计划停机，使风机寿命延长至25年以上。",
                "Предиктивное обслуживание сокращает внеплановые простои и продлевает срок службы "
                "турбин свыше 25 лет.",
                "A manutenção preditiva reduz paradas não programadas e prolonga a vida útil das "
                "turbinas para além de 25 anos.",
                "पूर्वानुमानित रखरखाव अनियोजित रुकावटें घटाता है और टर्बाइन का जीवन 25 वर्ष से अधिक बढ़ाता है।",
            ),
        ),
        (
            "Turbines are rated from 4.5 to 6.5 MW and certified for IEC wind classes II and III.",
            "Blade segments can be transported on ordinary roads, which opens up remote sites.",
            "A SCADA platform combines vibration, oil and power-curve data to plan maintenance "
            "months ahead.",
        ),
        (2_000, 15_000),
        frozenset({"CN", "BR", "IN", "ZA", "RU", "KZ", "EG", "ET"}),
    ),
    Topic(
        "offshore-wind",
        ("wind-energy",),
        ("y02e",),
        (7, 14, 13),
        "wind",
        (
            "offshore wind",
            "海上风电",
            "морская ветроэнергетика",
            "energia eólica offshore",
            "अपतटीय पवन ऊर्जा",
        ),
        (
            "offshore wind foundations and turbines",
            "海上风电基础和机组",
            "фундаменты и турбины для морских ветропарков",
            "fundações e turbinas eólicas offshore",
            "अपतटीय पवन नींवों और टर्बाइनों",
        ),
        (
            (
                "Floating semi-submersible wind platforms",
                "半潜式漂浮风电平台",
                "Плавучие полупогружные ветроэнергетические платформы",
                "Plataformas eólicas flutuantes semissubmersíveis",
                "तैरते अर्ध-जलमग्न पवन प्लेटफ़ॉर्म",
            ),
            (
                "Typhoon-resistant offshore turbines",
                "抗台风海上风电机组",
                "Морские ветротурбины, устойчивые к тайфунам",
                "Turbinas offshore resistentes a tufões",
                "तूफ़ान-रोधी अपतटीय टर्बाइन",
            ),
            (
                "Suction-bucket jacket foundations",
                "吸力桶导管架基础",
                "Фундаменты-джекеты на всасывающих кессонах",
                "Fundações jaqueta com estacas de sucção",
                "सक्शन-बकेट जैकेट नींव",
            ),
        ),
        (
            (
                "deep-water sites",
                "深远海场址",
                "глубоководных участков",
                "águas profundas",
                "गहरे पानी वाले स्थलों",
            ),
            (
                "tropical coastlines",
                "热带沿海地区",
                "тропических побережий",
                "litorais tropicais",
                "उष्णकटिबंधीय तटों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW offshore wind farm off {place}",
                    "{place}海域{n}兆瓦海上风电场",
                    "Морской ветропарк {n} МВт, {place}",
                    "Parque eólico offshore de {n} MW na costa de {place}",
                    "{place} के तट पर {n} मेगावाट अपतटीय पवन फ़ार्म",
                ),
                200,
                1_000,
                50,
                3_000_000,
                2_600,
                "MW",
            ),
        ),
        (
            (
                "Opens sea areas deeper than 50 m, where winds are stronger and steadier than on "
                "land.",
                "可开发水深50米以上海域，那里的风力比陆上更强、更稳定。",
                "Открывает морские участки глубже 50 м, где ветер сильнее и стабильнее, чем на "
                "суше.",
                "Viabiliza áreas marítimas com mais de 50 m de profundidade, onde os ventos são "
                "mais "
                "fortes e constantes do que em terra.",
                "50 मीटर से अधिक गहरे समुद्री क्षेत्रों को खोलता है, जहाँ हवाएँ ज़मीन की तुलना "
                "में तेज़ "
                "और स्थिर होती हैं।",
            ),
            (
                "Designed for extreme gusts and corrosive tropical seas, with a 30-year design "
                "life.",
                "针对极端阵风和高腐蚀热带海域设计，设计寿命30年。",
                "Рассчитаны на экстремальные порывы ветра и агрессивную тропическую морскую среду; "
                "проектный срок службы — 30 лет.",
                "Projetadas para rajadas extremas e mares tropicais corrosivos, com vida útil de "
                "projeto de 30 anos.",
                "अत्यधिक झोंकों और संक्षारक उष्णकटिबंधीय समुद्रों के लिए डिज़ाइन, 30 वर्ष के डिज़ाइन जीवन के साथ।",
            ),
        ),
        (
            "Platforms are assembled in port and towed to site, avoiding costly heavy-lift "
            "vessels.",
            "The turbines survive gusts of 70 m/s and use a corrosion-protection system rated "
            "for 30 years.",
            "Export cables run to an offshore substation that can later host a hydrogen "
            "electrolyser.",
        ),
        (10_000, 40_000),
        frozenset({"CN", "VN", "BR", "IN"}),
        coastal=True,
    ),
    Topic(
        "hydropower",
        ("hydropower", "energy-storage"),
        ("y02e",),
        (7, 6, 13),
        "hydro",
        (
            "small hydropower and pumped storage",
            "小水电与抽水蓄能",
            "малая гидроэнергетика и гидроаккумулирование",
            "pequenas centrais hidrelétricas e usinas reversíveis",
            "लघु जलविद्युत और पंप्ड स्टोरेज",
        ),
        (
            "small hydro turbines and pumped-storage units",
            "小型水轮机和抽水蓄能机组",
            "малые гидротурбины и гидроаккумулирующие агрегаты",
            "turbinas hidráulicas de pequeno porte e unidades reversíveis",
            "छोटे हाइड्रो टर्बाइनों और पंप्ड-स्टोरेज इकाइयों",
        ),
        (
            (
                "Fish-friendly Kaplan turbines",
                "鱼类友好型卡普兰水轮机",
                "Безопасные для рыбы турбины Каплана",
                "Turbinas Kaplan amigáveis aos peixes",
                "मछली-अनुकूल कपलान टर्बाइन",
            ),
            (
                "Variable-speed pump-turbines",
                "变速抽水蓄能水泵水轮机",
                "Обратимые гидроагрегаты с регулируемой скоростью",
                "Bombas-turbinas de velocidade variável",
                "परिवर्तनीय गति वाले पंप-टर्बाइन",
            ),
            (
                "Containerised micro-hydro units",
                "集装箱式微型水电机组",
                "Контейнерные микроГЭС",
                "Unidades de micro-hidrelétrica em contêiner",
                "कंटेनर-आधारित माइक्रो-हाइड्रो इकाइयाँ",
            ),
        ),
        (
            (
                "irrigation canals",
                "灌溉渠道",
                "оросительных каналов",
                "canais de irrigação",
                "सिंचाई नहरों",
            ),
            (
                "mountain villages",
                "山区村庄",
                "горных посёлков",
                "comunidades de montanha",
                "पहाड़ी गाँवों",
            ),
            (
                "existing dams",
                "既有水坝",
                "существующих плотин",
                "barragens existentes",
                "मौजूदा बाँधों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW pumped-storage hydropower station near {place}",
                    "{place}{n}兆瓦抽水蓄能电站",
                    "Гидроаккумулирующая электростанция {n} МВт, {place}",
                    "Usina hidrelétrica reversível de {n} MW perto de {place}",
                    "{place} के पास {n} मेगावाट पंप्ड-स्टोरेज जलविद्युत केंद्र",
                ),
                300,
                1_800,
                50,
                1_200_000,
                600,
                "MW",
            ),
            ProjectKind(
                (
                    "{n} MW run-of-river hydropower plant near {place}",
                    "{place}{n}兆瓦径流式水电站",
                    "Русловая ГЭС {n} МВт, {place}",
                    "Pequena central hidrelétrica a fio d'água de {n} MW perto de {place}",
                    "{place} के पास {n} मेगावाट रन-ऑफ़-रिवर जलविद्युत संयंत्र",
                ),
                2,
                50,
                1,
                2_500_000,
                2_500,
                "MW",
            ),
        ),
        (
            (
                "Provides firm, low-cost renewable power and grid balancing with a service life of "
                "over 50 years.",
                "提供稳定、低成本的可再生电力和电网调节能力，使用寿命超过50年。",
                "Обеспечивает стабильную недорогую возобновляемую генерацию и балансировку сети "
                "при "
                "сроке службы более 50 лет.",
                "Fornece energia renovável firme e de baixo custo, além de equilíbrio da rede, com "
                "vida útil superior a 50 anos.",
                "50 वर्षों से अधिक के सेवा जीवन के साथ स्थिर, कम लागत वाली नवीकरणीय बिजली और ग्रिड "
                "संतुलन प्रदान करता है।",
            ),
            (
                "Variable-speed operation lets the plant follow solar and wind output within "
                "seconds.",
                "变速运行使电站可在数秒内跟踪光伏和风电出力变化。",
                "Работа с переменной скоростью позволяет станции за секунды подстраиваться под "
                "выработку солнечных и ветровых электростанций.",
                "A operação em velocidade variável permite acompanhar a geração solar e eólica em "
                "segundos.",
                "परिवर्तनीय गति संचालन से संयंत्र कुछ ही सेकंड में सौर और पवन उत्पादन के अनुसार ढल जाता है।",
            ),
        ),
        (
            "The turbine runners are shaped to let more than 95% of fish pass unharmed.",
            "Civil works reuse existing weirs and canals, keeping environmental impacts low.",
            "A digital twin of the waterway optimises dispatch against day-ahead electricity "
            "prices.",
        ),
        (500, 30_000),
        frozenset({"CN", "BR", "RU", "ET", "UG", "BO", "IN"}),
    ),
    Topic(
        "biogas",
        ("bioenergy", "sustainable-agriculture", "circular-economy"),
        ("y02e", "y02p"),
        (7, 2, 12, 13),
        "bio",
        (
            "biogas and biomethane",
            "沼气与生物天然气",
            "биогаз и биометан",
            "biogás e biometano",
            "बायोगैस और बायोमीथेन",
        ),
        (
            "anaerobic digesters and biogas upgrading units",
            "厌氧消化罐和沼气提纯装置",
            "анаэробные реакторы и установки очистки биогаза",
            "biodigestores e unidades de purificação de biogás",
            "अवायवीय डाइजेस्टरों और बायोगैस उन्नयन इकाइयों",
        ),
        (
            (
                "Modular anaerobic digesters",
                "模块化厌氧消化装置",
                "Модульные анаэробные реакторы",
                "Biodigestores anaeróbios modulares",
                "मॉड्यूलर अवायवीय डाइजेस्टर",
            ),
            (
                "Membrane biogas upgrading to biomethane",
                "膜法沼气提纯制生物天然气",
                "Мембранная очистка биогаза до биометана",
                "Purificação de biogás em biometano por membranas",
                "झिल्ली द्वारा बायोगैस का बायोमीथेन में उन्नयन",
            ),
            (
                "Digestate-to-fertiliser processing",
                "沼渣沼液制有机肥工艺",
                "Переработка дигестата в удобрения",
                "Processamento de digestato em fertilizante",
                "डाइजेस्टेट से उर्वरक प्रसंस्करण",
            ),
        ),
        (
            (
                "dairy and pig farms",
                "奶牛场和养猪场",
                "молочных и свиноводческих ферм",
                "fazendas de gado leiteiro e suínos",
                "डेयरी और सुअर फ़ार्मों",
            ),
            ("sugar mills", "制糖厂", "сахарных заводов", "usinas de açúcar", "चीनी मिलों"),
            (
                "food-waste collection schemes",
                "餐厨垃圾收运体系",
                "систем сбора пищевых отходов",
                "sistemas de coleta de resíduos alimentares",
                "खाद्य-अपशिष्ट संग्रह योजनाओं",
            ),
        ),
        (
            ProjectKind(
                (
                    "Biomethane plant processing {n} tonnes of farm residues a day near {place}",
                    "{place}日处理{n}吨农业废弃物生物天然气厂",
                    "Биометановый завод мощностью {n} т сельхозотходов в сутки, {place}",
                    "Usina de biometano para {n} toneladas diárias de resíduos agrícolas perto de "
                    "{place}",
                    "{place} के पास प्रतिदिन {n} टन कृषि अवशेषों का प्रसंस्करण करने वाला बायोमीथेन संयंत्र",
                ),
                100,
                1_500,
                50,
                60_000,
                80,
                "t/day",
            ),
        ),
        (
            (
                "Turns manure and crop residues into renewable gas and organic fertiliser, "
                "avoiding "
                "methane emissions from open lagoons.",
                "将粪污和秸秆转化为可再生燃气和有机肥，避免露天氧化塘的甲烷排放。",
                "Перерабатывает навоз и растительные остатки в возобновляемый газ и органическое "
                "удобрение, предотвращая выбросы метана из открытых лагун.",
                "Transforma esterco e resíduos agrícolas em gás renovável e fertilizante orgânico, "
                "evitando emissões de metano de lagoas abertas.",
                "गोबर और फ़सल अवशेषों को नवीकरणीय गैस और जैविक उर्वरक में बदलता है, जिससे खुले "
                "लैगून "
                "से मीथेन उत्सर्जन रुकता है।",
            ),
            (
                "Biomethane meets natural-gas grid specifications and can fuel trucks and buses.",
                "生物天然气达到管道天然气标准，可用作卡车和公交车燃料。",
                "Биометан соответствует требованиям газотранспортной сети и может использоваться "
                "как моторное топливо.",
                "O biometano atende às especificações da rede de gás natural e pode abastecer "
                "caminhões e ônibus.",
                "बायोमीथेन प्राकृतिक गैस ग्रिड के मानकों पर खरा उतरता है और ट्रकों व बसों में ईंधन "
                "के रूप में उपयोग हो सकता है।",
            ),
        ),
        (
            "Digesters operate in the mesophilic range and are insulated for winters down to "
            "−25 °C.",
            "Membrane upgrading recovers more than 99% of the methane without chemicals or water.",
            "Digestate is separated into a solid soil improver and a liquid fertiliser that "
            "replaces mineral nitrogen.",
        ),
        (800, 25_000),
        frozenset({"IN", "BR", "CN", "RU", "BY", "TH", "DE"}),
    ),
    Topic(
        "sugarcane-bioenergy",
        ("bioenergy", "sustainable-agriculture"),
        ("y02e", "y02p"),
        (7, 2, 13),
        "bio",
        (
            "sugarcane bioenergy",
            "甘蔗生物质能源",
            "биоэнергетика на основе сахарного тростника",
            "bioenergia da cana-de-açúcar",
            "गन्ना आधारित जैव ऊर्जा",
        ),
        (
            "high-pressure bagasse boilers and second-generation ethanol units",
            "高压甘蔗渣锅炉和二代乙醇装置",
            "котлы высокого давления на багассе и установки этанола второго поколения",
            "caldeiras de bagaço de alta pressão e unidades de etanol de segunda geração",
            "उच्च दाब वाले खोई बॉयलरों और दूसरी पीढ़ी की एथनॉल इकाइयों",
        ),
        (
            (
                "High-pressure bagasse cogeneration",
                "高压甘蔗渣热电联产",
                "Когенерация на багассе высокого давления",
                "Cogeração de alta pressão com bagaço",
                "उच्च दाब खोई सह-उत्पादन",
            ),
            (
                "Second-generation cellulosic ethanol",
                "二代纤维素乙醇",
                "Целлюлозный этанол второго поколения",
                "Etanol celulósico de segunda geração",
                "दूसरी पीढ़ी का सेलुलोसिक एथनॉल",
            ),
            (
                "Straw recovery and baling systems",
                "蔗叶回收打捆系统",
                "Системы сбора и прессования соломы тростника",
                "Sistemas de recolhimento e enfardamento de palha",
                "पुआल संग्रह और गठरी प्रणालियाँ",
            ),
        ),
        (
            (
                "sugar and ethanol mills",
                "糖厂和乙醇厂",
                "сахарных и спиртовых заводов",
                "usinas de açúcar e etanol",
                "चीनी और एथनॉल मिलों",
            ),
            (
                "smallholder cane cooperatives",
                "甘蔗种植合作社",
                "кооперативов мелких производителей тростника",
                "cooperativas de pequenos produtores de cana",
                "छोटे गन्ना किसानों की सहकारी समितियों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW bagasse cogeneration upgrade at a sugar mill in {place}",
                    "{place}糖厂{n}兆瓦甘蔗渣热电联产改造",
                    "Модернизация когенерации на багассе {n} МВт на сахарном заводе, {place}",
                    "Modernização da cogeração a bagaço de {n} MW em usina de açúcar de {place}",
                    "{place} की चीनी मिल में {n} मेगावाट खोई सह-उत्पादन उन्नयन",
                ),
                20,
                150,
                5,
                1_500_000,
                3_500,
                "MW",
            ),
        ),
        (
            (
                "Exports surplus electricity from mill residues during the harvest, when hydro "
                "reservoirs are low.",
                "在榨季利用糖厂余料向电网输出富余电力，恰逢水库低水位期。",
                "Поставляет избыточную электроэнергию из отходов переработки в сезон уборки, когда "
                "водохранилища ГЭС мелеют.",
                "Exporta eletricidade excedente gerada a partir de resíduos da usina durante a "
                "safra, quando os reservatórios estão baixos.",
                "कटाई के मौसम में, जब जलाशय कम होते हैं, मिल अवशेषों से बनी अतिरिक्त बिजली ग्रिड को देता है।",
            ),
            (
                "Converts bagasse and straw into low-carbon ethanol for blending with petrol.",
                "将甘蔗渣和蔗叶转化为低碳乙醇，用于汽油调和。",
                "Превращает багассу и солому в низкоуглеродный этанол для смешивания с бензином.",
                "Converte bagaço e palha em etanol de baixo carbono para mistura à gasolina.",
                "खोई और पुआल को पेट्रोल में मिश्रण के लिए कम-कार्बन एथनॉल में बदलता है।",
            ),
        ),
        (
            "Boilers at 67 bar and 520 °C double the electricity a mill can export per tonne of "
            "cane.",
            "Enzymatic hydrolysis breaks down cellulose from bagasse and straw into fermentable "
            "sugars.",
            "The plant runs on its own residues, so fuel costs are close to zero during the "
            "crushing season.",
        ),
        (5_000, 80_000),
        frozenset({"BR", "IN", "TH", "CU"}),
    ),
    Topic(
        "green-hydrogen",
        ("hydrogen-fuel-cells", "green-manufacturing"),
        ("y02e", "y02p"),
        (7, 9, 13),
        "hydrogen",
        ("green hydrogen", "绿氢", "зелёный водород", "hidrogênio verde", "ग्रीन हाइड्रोजन"),
        (
            "electrolysers and hydrogen storage systems",
            "电解槽和储氢系统",
            "электролизёры и системы хранения водорода",
            "eletrolisadores e sistemas de armazenamento de hidrogênio",
            "इलेक्ट्रोलाइज़रों और हाइड्रोजन भंडारण प्रणालियों",
        ),
        (
            (
                "Alkaline water electrolysers",
                "碱性水电解槽",
                "Щелочные электролизёры воды",
                "Eletrolisadores alcalinos de água",
                "क्षारीय जल इलेक्ट्रोलाइज़र",
            ),
            (
                "PEM electrolyser stacks",
                "PEM电解堆",
                "Стеки PEM-электролизёров",
                "Pilhas de eletrolisadores PEM",
                "पीईएम इलेक्ट्रोलाइज़र स्टैक",
            ),
            (
                "Hydrogen fuel-cell power units",
                "氢燃料电池发电单元",
                "Энергоустановки на водородных топливных элементах",
                "Unidades de energia a célula de combustível de hidrogênio",
                "हाइड्रोजन फ़्यूल-सेल पावर इकाइयाँ",
            ),
        ),
        (
            (
                "green ammonia production",
                "绿氨生产",
                "производства зелёного аммиака",
                "produção de amônia verde",
                "ग्रीन अमोनिया उत्पादन",
            ),
            (
                "steel plants",
                "钢铁厂",
                "металлургических заводов",
                "usinas siderúrgicas",
                "इस्पात संयंत्रों",
            ),
            (
                "heavy-duty transport",
                "重型运输",
                "тяжёлого транспорта",
                "transporte pesado",
                "भारी परिवहन",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW green hydrogen and ammonia hub in {place}",
                    "{place}{n}兆瓦绿氢绿氨基地",
                    "Кластер зелёного водорода и аммиака {n} МВт, {place}",
                    "Polo de hidrogênio e amônia verdes de {n} MW em {place}",
                    "{place} में {n} मेगावाट ग्रीन हाइड्रोजन और अमोनिया हब",
                ),
                50,
                2_000,
                50,
                2_200_000,
                3_000,
                "MW",
            ),
        ),
        (
            (
                "Splits water with renewable electricity to make hydrogen with near-zero "
                "emissions.",
                "利用可再生电力电解水制氢，几乎零排放。",
                "Получает водород электролизом воды на возобновляемой электроэнергии практически "
                "без выбросов.",
                "Produz hidrogênio por eletrólise da água com eletricidade renovável, com emissões "
                "quase nulas.",
                "नवीकरणीय बिजली से पानी का विघटन कर लगभग शून्य उत्सर्जन वाली हाइड्रोजन बनाता है।",
            ),
            (
                "Responds to load changes within seconds, so it can run directly on solar and wind "
                "power.",
                "可在数秒内响应负荷变化，能够直接配合光伏和风电运行。",
                "Реагирует на изменение нагрузки за секунды и может работать напрямую от солнечных "
                "и ветровых станций.",
                "Responde a variações de carga em segundos e pode operar diretamente com energia "
                "solar e eólica.",
                "कुछ ही सेकंड में लोड परिवर्तन पर प्रतिक्रिया देता है, इसलिए सीधे सौर और पवन ऊर्जा "
                "पर चल सकता है।",
            ),
        ),
        (
            "Stacks use 4.3 kWh per normal cubic metre of hydrogen at full load.",
            "Catalysts need little or no platinum-group metal, which lowers cost and supply risk.",
            "Hydrogen is compressed to 350 bar or converted to ammonia for export by ship.",
        ),
        (2_000, 100_000),
        frozenset({"SA", "AE", "CN", "CL", "EG", "IN", "MA"}),
    ),
    Topic(
        "battery-storage",
        ("energy-storage", "smart-grids-digital"),
        ("y02e", "y04s"),
        (7, 9, 13),
        "storage",
        (
            "battery energy storage",
            "电池储能",
            "системы накопления энергии",
            "armazenamento de energia em baterias",
            "बैटरी ऊर्जा भंडारण",
        ),
        (
            "battery energy storage systems",
            "电池储能系统",
            "системы накопления электроэнергии",
            "sistemas de armazenamento de energia em baterias",
            "बैटरी ऊर्जा भंडारण प्रणालियों",
        ),
        (
            (
                "Containerised lithium iron phosphate storage",
                "集装箱式磷酸铁锂储能",
                "Контейнерные накопители на литий-железо-фосфатных аккумуляторах",
                "Armazenamento em contêiner com baterias de lítio-ferro-fosfato",
                "कंटेनर-आधारित लिथियम आयरन फ़ॉस्फ़ेट भंडारण",
            ),
            (
                "Sodium-ion battery modules",
                "钠离子电池模组",
                "Натрий-ионные аккумуляторные модули",
                "Módulos de baterias de íon-sódio",
                "सोडियम-आयन बैटरी मॉड्यूल",
            ),
            (
                "Vanadium redox flow batteries",
                "全钒液流电池",
                "Ванадиевые проточные аккумуляторы",
                "Baterias de fluxo redox de vanádio",
                "वैनेडियम रेडॉक्स फ़्लो बैटरियाँ",
            ),
        ),
        (
            (
                "solar and wind farms",
                "风光电站",
                "солнечных и ветровых электростанций",
                "usinas solares e eólicas",
                "सौर और पवन फ़ार्मों",
            ),
            (
                "island and off-grid systems",
                "海岛和离网电网",
                "изолированных энергосистем",
                "sistemas isolados e ilhas",
                "द्वीपीय और ऑफ़-ग्रिड प्रणालियों",
            ),
            (
                "industrial peak shaving",
                "工业削峰填谷",
                "снижения пиковых нагрузок предприятий",
                "redução de picos de demanda industrial",
                "औद्योगिक पीक शेविंग",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MWh grid-scale battery storage project in {place}",
                    "{place}{n}兆瓦时电网侧储能项目",
                    "Сетевая система накопления энергии {n} МВт·ч, {place}",
                    "Projeto de armazenamento em baterias de {n} MWh em {place}",
                    "{place} में {n} मेगावाट-घंटा ग्रिड-स्तरीय बैटरी भंडारण परियोजना",
                ),
                20,
                800,
                10,
                300_000,
                150,
                "MWh",
            ),
        ),
        (
            (
                "Shifts solar output into the evening peak and provides frequency response within "
                "200 milliseconds.",
                "将光伏电量转移至晚高峰，并可在200毫秒内提供调频响应。",
                "Переносит солнечную выработку на вечерний пик и обеспечивает регулирование "
                "частоты "
                "за 200 миллисекунд.",
                "Desloca a geração solar para o pico noturno e oferece resposta de frequência em "
                "200 milissegundos.",
                "सौर उत्पादन को शाम के पीक समय तक ले जाता है और 200 मिलीसेकंड में आवृत्ति प्रतिक्रिया देता है।",
            ),
            (
                "Cobalt-free chemistry with more than 8,000 cycles and liquid cooling for hot "
                "climates.",
                "无钴电化学体系，循环寿命超过8000次，液冷设计适应炎热气候。",
                "Бескобальтовая химия, более 8000 циклов и жидкостное охлаждение для жаркого "
                "климата.",
                "Química sem cobalto, mais de 8.000 ciclos e refrigeração líquida para climas "
                "quentes.",
                "कोबाल्ट-मुक्त रसायन, 8,000 से अधिक चक्र और गर्म जलवायु के लिए तरल शीतलन।",
            ),
        ),
        (
            "Each 20-foot container stores up to 5 MWh and ships fully pre-assembled.",
            "The battery management system balances cells individually and predicts remaining "
            "life.",
            "Fire suppression, gas detection and thermal-runaway barriers have passed UL 9540A "
            "testing.",
        ),
        (100, 8_000),
        frozenset({"CN", "IN", "ZA", "AE", "SA", "AR"}),
    ),
    Topic(
        "waste-heat-recovery",
        ("energy-efficiency", "green-manufacturing"),
        ("y02p",),
        (9, 12, 13),
        "efficiency",
        (
            "industrial waste-heat recovery",
            "工业余热回收",
            "утилизация промышленного сбросного тепла",
            "recuperação de calor residual industrial",
            "औद्योगिक अपशिष्ट ऊष्मा पुनर्प्राप्ति",
        ),
        (
            "waste-heat boilers and organic Rankine cycle generators",
            "余热锅炉和有机朗肯循环发电机组",
            "котлы-утилизаторы и генераторы на органическом цикле Ренкина",
            "caldeiras de recuperação e geradores de ciclo Rankine orgânico",
            "अपशिष्ट-ऊष्मा बॉयलरों और ऑर्गेनिक रैंकिन चक्र जनरेटरों",
        ),
        (
            (
                "Waste-heat recovery",
                "余热回收发电",
                "Утилизация сбросного тепла",
                "Recuperação de calor residual",
                "अपशिष्ट ऊष्मा पुनर्प्राप्ति",
            ),
            (
                "Organic Rankine cycle generators",
                "有机朗肯循环发电机组",
                "Генераторы на органическом цикле Ренкина",
                "Geradores de ciclo Rankine orgânico",
                "ऑर्गेनिक रैंकिन चक्र जनरेटर",
            ),
            (
                "High-temperature industrial heat pumps",
                "高温工业热泵",
                "Высокотемпературные промышленные тепловые насосы",
                "Bombas de calor industriais de alta temperatura",
                "उच्च तापमान वाले औद्योगिक हीट पंप",
            ),
        ),
        (
            ("cement kilns", "水泥窑", "цементных печей", "fornos de cimento", "सीमेंट भट्ठों"),
            ("glass furnaces", "玻璃窑炉", "стекловаренных печей", "fornos de vidro", "काँच भट्ठियों"),
            (
                "steel reheating furnaces",
                "钢铁加热炉",
                "нагревательных печей металлургических заводов",
                "fornos de reaquecimento siderúrgicos",
                "इस्पात पुनःतापन भट्ठियों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW waste-heat power plant at a cement works in {place}",
                    "{place}水泥厂{n}兆瓦余热发电项目",
                    "Утилизационная электростанция {n} МВт на цементном заводе, {place}",
                    "Usina de {n} MW a calor residual em fábrica de cimento de {place}",
                    "{place} के सीमेंट कारखाने में {n} मेगावाट अपशिष्ट-ऊष्मा बिजली संयंत्र",
                ),
                4,
                40,
                1,
                2_000_000,
                5_500,
                "MW",
            ),
        ),
        (
            (
                "Recovers heat from kiln exhaust gases to cover up to 30% of a plant's electricity "
                "demand.",
                "回收窑炉烟气余热发电，可满足工厂高达30%的用电需求。",
                "Использует тепло отходящих газов печей и покрывает до 30% потребности завода в "
                "электроэнергии.",
                "Aproveita o calor dos gases de exaustão dos fornos para suprir até 30% da demanda "
                "elétrica da fábrica.",
                "भट्ठे की निकास गैसों से ऊष्मा लेकर संयंत्र की 30% तक बिजली की ज़रूरत पूरी करता है।",
            ),
            (
                "No extra fuel and no extra emissions: payback is typically under four years.",
                "无需额外燃料、不增加排放，投资回收期通常不到四年。",
                "Без дополнительного топлива и выбросов; срок окупаемости обычно менее четырёх "
                "лет.",
                "Sem combustível adicional e sem emissões extras: o retorno costuma ocorrer em "
                "menos "
                "de quatro anos.",
                "न अतिरिक्त ईंधन, न अतिरिक्त उत्सर्जन: लागत आमतौर पर चार साल से कम में वसूल हो जाती है।",
            ),
        ),
        (
            "Heat is recovered from the preheater and clinker-cooler exhaust at 250 to 400 °C.",
            "The organic working fluid allows power generation from heat sources as cool as 90 °C.",
            "The system is installed during a scheduled kiln stop, with no loss of production.",
        ),
        (3_000, 60_000),
        frozenset({"CN", "IN", "RU", "IR", "EG"}),
    ),
    Topic(
        "motors-drives",
        ("energy-efficiency", "green-manufacturing"),
        ("y02p", "y02b"),
        (7, 9, 12),
        "efficiency",
        (
            "efficient motors and drives",
            "高效电机与变频驱动",
            "энергоэффективные двигатели и приводы",
            "motores e acionamentos eficientes",
            "कुशल मोटर और ड्राइव",
        ),
        (
            "premium-efficiency motors and variable-frequency drives",
            "超高效电机和变频器",
            "двигатели высокого класса энергоэффективности и частотные преобразователи",
            "motores de alto rendimento e inversores de frequência",
            "उच्च-दक्षता मोटरों और वेरिएबल-फ़्रीक्वेंसी ड्राइवों",
        ),
        (
            (
                "IE5 permanent-magnet synchronous motors",
                "IE5永磁同步电机",
                "Синхронные двигатели с постоянными магнитами класса IE5",
                "Motores síncronos de ímãs permanentes IE5",
                "IE5 स्थायी-चुंबक सिंक्रोनस मोटर",
            ),
            (
                "Variable-frequency drives",
                "变频调速装置",
                "Частотно-регулируемые приводы",
                "Inversores de frequência",
                "वेरिएबल-फ़्रीक्वेंसी ड्राइव",
            ),
            (
                "Smart compressed-air systems",
                "智能压缩空气系统",
                "Интеллектуальные системы сжатого воздуха",
                "Sistemas inteligentes de ar comprimido",
                "स्मार्ट कंप्रेस्ड-एयर प्रणालियाँ",
            ),
        ),
        (
            (
                "pumps and fans",
                "泵与风机",
                "насосов и вентиляторов",
                "bombas e ventiladores",
                "पंपों और पंखों",
            ),
            ("textile mills", "纺织厂", "текстильных фабрик", "fábricas têxteis", "कपड़ा मिलों"),
            (
                "mining conveyors",
                "矿山输送机",
                "горных конвейеров",
                "transportadores de mineração",
                "खनन कन्वेयरों",
            ),
        ),
        (
            ProjectKind(
                (
                    "Motor-system efficiency retrofit of {n} industrial sites in {place}",
                    "{place}{n}家工业企业电机系统节能改造",
                    "Энергоэффективная модернизация электроприводов промышленных предприятий, "
                    "{place} (объектов: {n})",
                    "Modernização de sistemas motrizes em {n} plantas industriais de {place}",
                    "{place} के {n} औद्योगिक स्थलों में मोटर-प्रणाली दक्षता सुधार",
                ),
                10,
                250,
                5,
                400_000,
                900,
                "sites",
            ),
        ),
        (
            (
                "Cuts the electricity use of motor-driven systems by 20–35% with a payback of one "
                "to "
                "three years.",
                "使电机系统节电20%–35%，投资回收期一至三年。",
                "Снижает энергопотребление электроприводов на 20–35% при сроке окупаемости от "
                "одного до трёх лет.",
                "Reduz em 20% a 35% o consumo de energia de sistemas motrizes, com retorno em um a "
                "três anos.",
                "मोटर-चालित प्रणालियों की बिजली खपत 20–35% घटाता है; लागत एक से तीन वर्ष में वसूल।",
            ),
            (
                "A plug-in replacement for standard motors, with cloud monitoring of energy "
                "savings.",
                "可直接替换标准电机，并通过云平台监测节能效果。",
                "Устанавливается вместо стандартных двигателей без переделок; экономия "
                "отслеживается "
                "через облачный сервис.",
                "Substitui motores convencionais sem adaptações, com monitoramento da economia de "
                "energia na nuvem.",
                "मानक मोटरों की सीधी जगह लेता है, ऊर्जा बचत की क्लाउड निगरानी के साथ।",
            ),
        ),
        (
            "Motors meet the IE5 ultra-premium efficiency class of IEC 60034-30-2.",
            "Drives match motor speed to actual demand instead of throttling flow with valves "
            "and dampers.",
            "An energy audit before installation sets a measured baseline for performance "
            "contracts.",
        ),
        (50, 5_000),
        frozenset({"CN", "IN", "RU", "BR", "UZ"}),
    ),
    Topic(
        "green-buildings",
        ("green-buildings", "energy-efficiency"),
        ("y02b",),
        (11, 7, 13),
        "buildings",
        (
            "green buildings",
            "绿色建筑",
            "зелёное строительство",
            "construção sustentável",
            "हरित भवन",
        ),
        (
            "heat pumps, insulation systems and building automation",
            "热泵、保温系统和楼宇自控系统",
            "тепловые насосы, теплоизоляционные системы и системы автоматизации зданий",
            "bombas de calor, sistemas de isolamento e automação predial",
            "हीट पंपों, इन्सुलेशन प्रणालियों और भवन स्वचालन",
        ),
        (
            (
                "Air-source heat pumps",
                "空气源热泵",
                "Воздушные тепловые насосы",
                "Bombas de calor ar-água",
                "वायु-स्रोत हीट पंप",
            ),
            (
                "Prefabricated insulated facade panels",
                "预制保温外墙板",
                "Сборные утеплённые фасадные панели",
                "Painéis de fachada isolados pré-fabricados",
                "पूर्वनिर्मित इन्सुलेटेड फ़साड पैनल",
            ),
            (
                "Building energy management systems",
                "建筑能源管理系统",
                "Системы управления энергопотреблением зданий",
                "Sistemas de gestão de energia predial",
                "भवन ऊर्जा प्रबंधन प्रणालियाँ",
            ),
        ),
        (
            (
                "apartment blocks",
                "住宅楼",
                "многоквартирных домов",
                "edifícios residenciais",
                "आवासीय इमारतों",
            ),
            ("office towers", "写字楼", "офисных зданий", "edifícios comerciais", "कार्यालय भवनों"),
            (
                "hospitals and campuses",
                "医院和校园",
                "больниц и университетских кампусов",
                "hospitais e campi",
                "अस्पतालों और परिसरों",
            ),
        ),
        (
            ProjectKind(
                (
                    "Deep energy retrofit of {n} apartment buildings in {place}",
                    "{place}{n}栋住宅楼深度节能改造",
                    "Глубокая энергетическая модернизация жилых домов, {place} (зданий: {n})",
                    "Retrofit energético profundo de {n} edifícios residenciais em {place}",
                    "{place} में {n} आवासीय इमारतों का गहन ऊर्जा नवीनीकरण",
                ),
                20,
                600,
                10,
                350_000,
                45,
                "buildings",
            ),
            ProjectKind(
                (
                    "Net-zero energy business district of {n} hectares in {place}",
                    "{place}{n}公顷近零能耗商务区",
                    "Деловой квартал с нулевым энергобалансом площадью {n} га, {place}",
                    "Distrito comercial de energia zero com {n} hectares em {place}",
                    "{place} में {n} हेक्टेयर का शुद्ध-शून्य ऊर्जा व्यापारिक ज़िला",
                ),
                10,
                120,
                5,
                8_000_000,
                400,
                "ha",
            ),
        ),
        (
            (
                "Cuts heating and cooling energy in existing buildings by half while improving "
                "indoor comfort.",
                "使既有建筑的供暖和制冷能耗降低一半，同时提升室内舒适度。",
                "Вдвое сокращает расход энергии на отопление и охлаждение существующих зданий и "
                "повышает комфорт.",
                "Reduz pela metade a energia de aquecimento e refrigeração de edifícios "
                "existentes e "
                "melhora o conforto interno.",
                "मौजूदा इमारतों में हीटिंग और कूलिंग ऊर्जा को आधा करता है और भीतर का आराम बढ़ाता है।",
            ),
            (
                "Delivers three to four units of heat for every unit of electricity, replacing "
                "coal "
                "and gas boilers.",
                "每消耗一份电能可产出三至四份热量，替代燃煤和燃气锅炉。",
                "Даёт три-четыре единицы тепла на каждую единицу электроэнергии и заменяет "
                "угольные "
                "и газовые котлы.",
                "Fornece de três a quatro unidades de calor para cada unidade de eletricidade, "
                "substituindo caldeiras a carvão e gás.",
                "बिजली की हर इकाई पर तीन से चार इकाई ऊष्मा देता है और कोयला व गैस बॉयलरों की जगह लेता है।",
            ),
        ),
        (
            "Heat pumps keep a seasonal coefficient of performance above 3 even at −15 °C "
            "outdoors.",
            "Facade panels are made off-site, so residents can stay in their homes during the "
            "retrofit.",
            "The building management system learns occupancy patterns and pre-cools spaces with "
            "off-peak power.",
        ),
        (20, 2_000),
        frozenset({"CN", "RU", "KZ", "AE", "DE", "BY"}),
    ),
    Topic(
        "electric-buses",
        ("clean-transport",),
        ("y02t",),
        (11, 3, 13),
        "transport",
        (
            "electric buses and charging",
            "电动公交与充电设施",
            "электробусы и зарядная инфраструктура",
            "ônibus elétricos e recarga",
            "इलेक्ट्रिक बस और चार्जिंग",
        ),
        (
            "electric buses and fast-charging stations",
            "电动公交车和快充站",
            "электробусы и станции быстрой зарядки",
            "ônibus elétricos e estações de recarga rápida",
            "इलेक्ट्रिक बसों और फ़ास्ट-चार्जिंग स्टेशनों",
        ),
        (
            (
                "12-metre battery-electric city buses",
                "12米纯电动城市公交车",
                "12-метровые городские электробусы",
                "Ônibus urbanos elétricos a bateria de 12 metros",
                "12 मीटर की बैटरी-इलेक्ट्रिक सिटी बसें",
            ),
            (
                "Pantograph fast-charging stations",
                "受电弓式快速充电站",
                "Пантографные станции быстрой зарядки",
                "Estações de recarga rápida por pantógrafo",
                "पैंटोग्राफ़ फ़ास्ट-चार्जिंग स्टेशन",
            ),
            (
                "Fleet charging management software",
                "车队充电管理软件",
                "Программное обеспечение для управления зарядкой автопарка",
                "Software de gestão de recarga de frotas",
                "बेड़ा चार्जिंग प्रबंधन सॉफ़्टवेयर",
            ),
        ),
        (
            (
                "urban bus networks",
                "城市公交网络",
                "городских автобусных сетей",
                "redes urbanas de ônibus",
                "शहरी बस नेटवर्कों",
            ),
            (
                "bus rapid transit corridors",
                "快速公交走廊",
                "скоростных автобусных коридоров",
                "corredores de BRT",
                "बस रैपिड ट्रांज़िट गलियारों",
            ),
            (
                "airport and campus shuttles",
                "机场和园区接驳车",
                "шаттлов аэропортов и кампусов",
                "traslados de aeroportos e campi",
                "हवाई अड्डा और परिसर शटलों",
            ),
        ),
        (
            ProjectKind(
                (
                    "Electrification of {n} city buses and depot charging in {place}",
                    "{place}{n}辆城市公交电动化及场站充电项目",
                    "Перевод городских автобусов на электротягу и зарядка в депо, {place} "
                    "(автобусов: {n})",
                    "Eletrificação de {n} ônibus urbanos e recarga em garagens em {place}",
                    "{place} में {n} शहरी बसों का विद्युतीकरण और डिपो चार्जिंग",
                ),
                50,
                1_500,
                10,
                450_000,
                90,
                "buses",
            ),
        ),
        (
            (
                "Zero tailpipe emissions and 60–70% lower energy costs than diesel buses over the "
                "vehicle's life.",
                "零尾气排放，全生命周期能源成本比柴油公交低60%–70%。",
                "Нулевые выбросы выхлопных газов и на 60–70% меньшие затраты на энергию, чем у "
                "дизельных автобусов, за весь срок службы.",
                "Zero emissões no escapamento e custos de energia 60% a 70% menores que os de "
                "ônibus a diesel ao longo da vida útil.",
                "शून्य टेलपाइप उत्सर्जन और वाहन के पूरे जीवनकाल में डीज़ल बसों की तुलना में 60–70% कम ऊर्जा लागत।",
            ),
            (
                "Smart charging keeps depot demand below the grid connection limit and uses "
                "night-time tariffs.",
                "智能充电使场站负荷不超出接网容量，并充分利用夜间低谷电价。",
                "Интеллектуальная зарядка удерживает нагрузку депо в пределах присоединённой "
                "мощности и использует ночные тарифы.",
                "A recarga inteligente mantém a demanda da garagem abaixo do limite da conexão e "
                "aproveita tarifas noturnas.",
                "स्मार्ट चार्जिंग डिपो की माँग को ग्रिड कनेक्शन सीमा के भीतर रखती है और रात की "
                "दरों "
                "का लाभ उठाती है।",
            ),
        ),
        (
            "Buses carry up to 90 passengers and cover 300 km on a single charge with air "
            "conditioning on.",
            "Batteries use lithium iron phosphate cells with an eight-year warranty.",
            "Charging sessions are scheduled automatically from the next day's timetable.",
        ),
        (50, 3_000),
        frozenset({"CN", "IN", "BR", "CL", "MX"}),
    ),
    Topic(
        "two-three-wheelers",
        ("clean-transport", "energy-storage"),
        ("y02t",),
        (11, 7, 13),
        "transport",
        (
            "electric two- and three-wheelers",
            "电动两轮和三轮车",
            "электрические мотоциклы и трициклы",
            "veículos elétricos de duas e três rodas",
            "इलेक्ट्रिक दोपहिया और तिपहिया",
        ),
        (
            "electric scooters, three-wheelers and battery-swapping stations",
            "电动摩托车、电动三轮车和换电站",
            "электроскутеры, электротрициклы и станции замены аккумуляторов",
            "motos elétricas, triciclos elétricos e estações de troca de baterias",
            "इलेक्ट्रिक स्कूटरों, तिपहिया वाहनों और बैटरी-स्वैपिंग स्टेशनों",
        ),
        (
            (
                "Battery-swapping stations",
                "换电站",
                "Станции замены аккумуляторов",
                "Estações de troca de baterias",
                "बैटरी-स्वैपिंग स्टेशन",
            ),
            (
                "Electric cargo three-wheelers",
                "电动货运三轮车",
                "Грузовые электротрициклы",
                "Triciclos elétricos de carga",
                "इलेक्ट्रिक मालवाहक तिपहिया",
            ),
            (
                "Electric scooter hub motors",
                "电动摩托车轮毂电机",
                "Мотор-колёса электроскутеров",
                "Motores de cubo de motos elétricas",
                "इलेक्ट्रिक स्कूटर हब मोटर",
            ),
        ),
        (
            (
                "delivery fleets",
                "外卖和快递车队",
                "курьерских служб",
                "frotas de entrega",
                "डिलीवरी बेड़ों",
            ),
            (
                "auto-rickshaw drivers",
                "电动三轮客运司机",
                "водителей моторикш",
                "motoristas de mototáxi",
                "ऑटो-रिक्शा चालकों",
            ),
            (
                "last-mile logistics",
                "末端物流",
                "логистики последней мили",
                "logística de última milha",
                "अंतिम-मील लॉजिस्टिक्स",
            ),
        ),
        (
            ProjectKind(
                (
                    "Network of {n} battery-swapping stations in {place}",
                    "{place}{n}座换电站网络",
                    "Сеть станций замены аккумуляторов, {place} (станций: {n})",
                    "Rede de {n} estações de troca de baterias em {place}",
                    "{place} में {n} बैटरी-स्वैपिंग स्टेशनों का नेटवर्क",
                ),
                50,
                1_000,
                10,
                45_000,
                30,
                "stations",
            ),
        ),
        (
            (
                "A two-minute battery swap keeps riders on the road and removes the upfront cost "
                "of "
                "the battery.",
                "两分钟完成换电，骑手无需等待充电，也无需承担电池购置成本。",
                "Замена аккумулятора за две минуты избавляет от ожидания зарядки и от затрат на "
                "покупку батареи.",
                "A troca de bateria em dois minutos mantém o motorista rodando e elimina o custo "
                "inicial da bateria.",
                "दो मिनट में बैटरी बदलने से चालक सड़क पर बने रहते हैं और बैटरी की शुरुआती लागत नहीं लगती।",
            ),
            (
                "Running costs per kilometre are a third of those of petrol vehicles.",
                "每公里运营成本仅为燃油车的三分之一。",
                "Эксплуатационные расходы на километр втрое ниже, чем у бензиновых машин.",
                "O custo por quilômetro é um terço do de veículos a gasolina.",
                "प्रति किलोमीटर चलने की लागत पेट्रोल वाहनों की एक-तिहाई है।",
            ),
        ),
        (
            "Standardised battery packs fit scooters and three-wheelers from several "
            "manufacturers.",
            "Stations run on rooftop solar where possible and report pack health after every swap.",
            "A pay-per-swap subscription replaces fuel spending for drivers.",
        ),
        (10, 800),
        frozenset({"IN", "ID", "VN", "TH", "UG", "NG", "KE"}),
    ),
    Topic(
        "plastics-recycling",
        ("circular-economy", "green-manufacturing"),
        ("y02w", "y02p"),
        (12, 14, 11),
        "recycling",
        (
            "plastics recycling",
            "塑料回收利用",
            "переработка пластика",
            "reciclagem de plásticos",
            "प्लास्टिक पुनर्चक्रण",
        ),
        (
            "sorting lines and recycled-plastic granulates",
            "分选线和再生塑料颗粒",
            "сортировочные линии и гранулы вторичного пластика",
            "linhas de triagem e granulados de plástico reciclado",
            "छँटाई लाइनों और पुनर्चक्रित प्लास्टिक दानों",
        ),
        (
            (
                "AI-guided optical sorting lines",
                "人工智能光学分选线",
                "Линии оптической сортировки с искусственным интеллектом",
                "Linhas de triagem óptica guiadas por IA",
                "एआई-निर्देशित ऑप्टिकल छँटाई लाइनें",
            ),
            (
                "Food-grade PET bottle-to-bottle recycling",
                "食品级PET瓶到瓶再生",
                "Переработка ПЭТ «бутылка в бутылку» пищевого качества",
                "Reciclagem de PET grau alimentício garrafa a garrafa",
                "खाद्य-ग्रेड पीईटी बोतल-से-बोतल पुनर्चक्रण",
            ),
            (
                "Chemical recycling of mixed plastics by pyrolysis",
                "混合塑料热解化学回收",
                "Химическая переработка смешанных пластиков пиролизом",
                "Reciclagem química de plásticos mistos por pirólise",
                "पायरोलिसिस द्वारा मिश्रित प्लास्टिक का रासायनिक पुनर्चक्रण",
            ),
        ),
        (
            (
                "municipal recycling centres",
                "城市再生资源中心",
                "муниципальных центров переработки",
                "centrais municipais de reciclagem",
                "नगरपालिका पुनर्चक्रण केंद्रों",
            ),
            (
                "beverage packaging",
                "饮料包装",
                "упаковки для напитков",
                "embalagens de bebidas",
                "पेय पैकेजिंग",
            ),
            (
                "waste-picker cooperatives",
                "拾荒者合作社",
                "кооперативов сборщиков вторсырья",
                "cooperativas de catadores",
                "कचरा बीनने वालों की सहकारी समितियों",
            ),
        ),
        (
            ProjectKind(
                (
                    "Plastics recycling plant for {n} tonnes a year in {place}",
                    "{place}年处理{n}吨塑料再生工厂",
                    "Завод по переработке пластика мощностью {n} т в год, {place}",
                    "Usina de reciclagem de plásticos de {n} toneladas por ano em {place}",
                    "{place} में {n} टन वार्षिक क्षमता वाला प्लास्टिक पुनर्चक्रण संयंत्र",
                ),
                5_000,
                120_000,
                1_000,
                500,
                1.5,
                "t/year",
            ),
        ),
        (
            (
                "Recovers clean, sorted polymer streams that replace virgin resin and keep plastic "
                "out of rivers and the sea.",
                "回收洁净、分类的聚合物原料，替代原生树脂，避免塑料流入河流和海洋。",
                "Выделяет чистые отсортированные полимерные фракции, которые заменяют первичное "
                "сырьё и не попадают в реки и моря.",
                "Recupera fluxos de polímeros limpos e separados que substituem resina virgem e "
                "evitam que o plástico chegue a rios e ao mar.",
                "साफ़, छँटे हुए पॉलिमर प्राप्त करता है जो नई राल की जगह लेते हैं और प्लास्टिक को "
                "नदियों व समुद्र से दूर रखते हैं।",
            ),
            (
                "Each tonne of recycled PET saves about 1.5 tonnes of CO₂ compared with virgin "
                "material.",
                "每吨再生PET比原生材料减少约1.5吨二氧化碳排放。",
                "Каждая тонна вторичного ПЭТ экономит около 1,5 т CO₂ по сравнению с первичным "
                "материалом.",
                "Cada tonelada de PET reciclado evita cerca de 1,5 tonelada de CO₂ em comparação "
                "com o material virgem.",
                "पुनर्चक्रित पीईटी का हर टन नई सामग्री की तुलना में लगभग 1.5 टन CO₂ बचाता है।",
            ),
        ),
        (
            "Near-infrared sensors and a neural network identify polymer type and colour at belt "
            "speeds of 3 m/s.",
            "Solid-state polycondensation restores the viscosity PET needs for new food-contact "
            "bottles.",
            "Contracts with waste-picker cooperatives guarantee feedstock and fair prices for "
            "collectors.",
        ),
        (500, 30_000),
        frozenset({"BR", "IN", "ID", "MY", "VN"}),
    ),
    Topic(
        "waste-to-energy",
        ("circular-economy", "bioenergy"),
        ("y02w", "y02e"),
        (11, 12, 7),
        "recycling",
        (
            "waste-to-energy",
            "垃圾焚烧发电",
            "энергетическая утилизация отходов",
            "recuperação energética de resíduos",
            "अपशिष्ट से ऊर्जा",
        ),
        (
            "waste-to-energy grates, boilers and flue-gas cleaning systems",
            "垃圾焚烧炉排、余热锅炉和烟气净化系统",
            "колосниковые решётки, котлы и системы газоочистки для мусоросжигательных ТЭС",
            "grelhas, caldeiras e sistemas de limpeza de gases para usinas de resíduos",
            "अपशिष्ट-से-ऊर्जा ग्रेटों, बॉयलरों और फ़्लू-गैस सफ़ाई प्रणालियों",
        ),
        (
            (
                "Moving-grate waste incinerators",
                "机械炉排垃圾焚烧炉",
                "Мусоросжигательные установки с подвижной решёткой",
                "Incineradores de resíduos de grelha móvel",
                "चलती ग्रेट वाले अपशिष्ट भस्मक",
            ),
            (
                "Landfill gas capture and power generation",
                "填埋气收集发电",
                "Сбор и энергетическое использование свалочного газа",
                "Captação e geração de energia com gás de aterro",
                "लैंडफ़िल गैस संग्रह और बिजली उत्पादन",
            ),
            (
                "Refuse-derived fuel production lines",
                "垃圾衍生燃料生产线",
                "Линии производства топлива из отходов (RDF)",
                "Linhas de produção de combustível derivado de resíduos",
                "अपशिष्ट-व्युत्पन्न ईंधन उत्पादन लाइनें",
            ),
        ),
        (
            ("megacities", "特大城市", "мегаполисов", "grandes metrópoles", "महानगरों"),
            (
                "cement co-processing",
                "水泥窑协同处置",
                "совместной переработки в цементных печах",
                "coprocessamento em fornos de cimento",
                "सीमेंट सह-प्रसंस्करण",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} tonnes-per-day waste-to-energy plant in {place}",
                    "{place}日处理{n}吨垃圾焚烧发电厂",
                    "Мусоросжигательная ТЭС мощностью {n} т отходов в сутки, {place}",
                    "Usina de recuperação energética de {n} toneladas diárias de resíduos em "
                    "{place}",
                    "{place} में प्रतिदिन {n} टन क्षमता वाला अपशिष्ट-से-ऊर्जा संयंत्र",
                ),
                500,
                5_000,
                100,
                180_000,
                120,
                "t/day",
            ),
        ),
        (
            (
                "Diverts household waste from landfills and recovers about 600 kWh of electricity "
                "per tonne.",
                "使生活垃圾不再填埋，每吨可回收约600千瓦时电力。",
                "Отводит бытовые отходы от полигонов и вырабатывает около 600 кВт·ч электроэнергии "
                "на тонну.",
                "Desvia resíduos domésticos dos aterros e recupera cerca de 600 kWh de "
                "eletricidade "
                "por tonelada.",
                "घरेलू कचरे को लैंडफ़िल से हटाता है और प्रति टन लगभग 600 किलोवाट-घंटा बिजली प्राप्त करता है।",
            ),
            (
                "Flue-gas cleaning meets EU emission limits for dioxins, dust and nitrogen oxides.",
                "烟气净化达到欧盟二噁英、粉尘和氮氧化物排放限值。",
                "Газоочистка обеспечивает соблюдение норм ЕС по диоксинам, пыли и оксидам азота.",
                "A limpeza dos gases atende aos limites de emissão da UE para dioxinas, poeira e "
                "óxidos de nitrogênio.",
                "फ़्लू-गैस सफ़ाई डाइऑक्सिन, धूल और नाइट्रोजन ऑक्साइड के लिए यूरोपीय संघ की "
                "उत्सर्जन "
                "सीमाओं को पूरा करती है।",
            ),
        ),
        (
            "The grate burns wet, low-calorific waste typical of tropical cities without support "
            "fuel.",
            "Bottom ash is processed into aggregates for road construction.",
            "Most of the climate benefit comes from methane that would otherwise escape from "
            "landfills.",
        ),
        (5_000, 150_000),
        frozenset({"CN", "IN", "ID", "TH", "SA"}),
    ),
    Topic(
        "wastewater-reuse",
        ("water-wastewater",),
        ("y02w", "y02a"),
        (6, 11, 14),
        "water",
        (
            "wastewater treatment and reuse",
            "污水处理与回用",
            "очистка и повторное использование сточных вод",
            "tratamento e reúso de efluentes",
            "अपशिष्ट जल उपचार और पुनः उपयोग",
        ),
        (
            "membrane bioreactors and water-reuse plants",
            "膜生物反应器和再生水设备",
            "мембранные биореакторы и установки повторного использования воды",
            "biorreatores de membrana e estações de reúso de água",
            "मेम्ब्रेन बायोरिएक्टरों और जल पुनः उपयोग संयंत्रों",
        ),
        (
            (
                "Membrane bioreactors",
                "膜生物反应器",
                "Мембранные биореакторы",
                "Biorreatores de membrana",
                "मेम्ब्रेन बायोरिएक्टर",
            ),
            (
                "Aerobic granular sludge treatment",
                "好氧颗粒污泥处理工艺",
                "Очистка аэробным гранулированным илом",
                "Tratamento por lodo granular aeróbio",
                "एरोबिक दानेदार कीचड़ उपचार",
            ),
            (
                "Sludge-to-energy digestion",
                "污泥消化产能",
                "Сбраживание осадка с получением энергии",
                "Digestão de lodo com geração de energia",
                "कीचड़ से ऊर्जा पाचन",
            ),
        ),
        (
            (
                "municipal treatment plants",
                "城镇污水处理厂",
                "городских очистных сооружений",
                "estações municipais de tratamento",
                "नगरपालिका उपचार संयंत्रों",
            ),
            (
                "textile and tannery effluents",
                "纺织和制革废水",
                "стоков текстильных и кожевенных производств",
                "efluentes têxteis e de curtumes",
                "कपड़ा और चमड़ा उद्योग के अपशिष्ट जल",
            ),
            (
                "industrial parks",
                "工业园区",
                "промышленных парков",
                "parques industriais",
                "औद्योगिक पार्कों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} m³/day wastewater treatment and reuse plant in {place}",
                    "{place}日处理{n}立方米污水处理及再生水厂",
                    "Очистные сооружения с повторным использованием воды производительностью "
                    "{n} м³/сут, {place}",
                    "Estação de tratamento e reúso de {n} m³/dia em {place}",
                    "{place} में प्रतिदिन {n} घन मीटर क्षमता वाला अपशिष्ट जल उपचार और पुनः उपयोग संयंत्र",
                ),
                10_000,
                400_000,
                5_000,
                600,
                0.08,
                "m³/day",
            ),
        ),
        (
            (
                "Produces reclaimed water clean enough for industry and irrigation, easing "
                "pressure "
                "on rivers and aquifers.",
                "产出可供工业和灌溉使用的再生水，缓解河流和地下水压力。",
                "Даёт очищенную воду, пригодную для промышленности и орошения, и снижает нагрузку "
                "на реки и водоносные горизонты.",
                "Produz água de reúso adequada para a indústria e a irrigação, aliviando a pressão "
                "sobre rios e aquíferos.",
                "उद्योग और सिंचाई के योग्य पुनर्प्राप्त जल बनाता है, जिससे नदियों और भूजल पर दबाव घटता है।",
            ),
            (
                "Uses 30–50% less aeration energy and half the footprint of conventional activated "
                "sludge.",
                "曝气能耗比传统活性污泥法低30%–50%，占地仅为其一半。",
                "Потребляет на 30–50% меньше энергии на аэрацию и занимает вдвое меньшую площадь, "
                "чем традиционная очистка активным илом.",
                "Usa de 30% a 50% menos energia de aeração e metade da área do lodo ativado "
                "convencional.",
                "पारंपरिक सक्रिय कीचड़ प्रणाली की तुलना में 30–50% कम वातन ऊर्जा और आधी जगह लेता है।",
            ),
        ),
        (
            "Ultrafiltration membranes with 0.04 µm pores retain bacteria and suspended solids.",
            "Granular sludge settles in minutes, so no secondary clarifiers are needed.",
            "Biogas from sludge digestion covers up to 60% of the plant's own power demand.",
        ),
        (100, 8_000),
        frozenset({"CN", "IN", "EG", "ZA", "SA", "IR"}),
    ),
    Topic(
        "solar-desalination",
        ("water-wastewater", "solar-energy"),
        ("y02a", "y02e"),
        (6, 7, 13),
        "water",
        (
            "solar-powered desalination",
            "太阳能海水淡化",
            "опреснение на солнечной энергии",
            "dessalinização movida a energia solar",
            "सौर ऊर्जा से विलवणीकरण",
        ),
        (
            "reverse-osmosis desalination units and energy-recovery devices",
            "反渗透海水淡化装置和能量回收装置",
            "обратноосмотические опреснительные установки и устройства рекуперации энергии",
            "unidades de dessalinização por osmose reversa e dispositivos de recuperação de "
            "energia",
            "रिवर्स-ऑस्मोसिस विलवणीकरण इकाइयों और ऊर्जा-पुनर्प्राप्ति उपकरणों",
        ),
        (
            (
                "Solar-powered reverse-osmosis units",
                "太阳能反渗透淡化装置",
                "Обратноосмотические установки на солнечной энергии",
                "Unidades de osmose reversa movidas a energia solar",
                "सौर ऊर्जा चालित रिवर्स-ऑस्मोसिस इकाइयाँ",
            ),
            (
                "Isobaric energy-recovery devices",
                "等压能量回收装置",
                "Изобарические рекуператоры энергии",
                "Dispositivos isobáricos de recuperação de energia",
                "आइसोबैरिक ऊर्जा-पुनर्प्राप्ति उपकरण",
            ),
            (
                "Brackish-water desalination kits",
                "苦咸水淡化成套设备",
                "Комплекты для опреснения солоноватой воды",
                "Kits de dessalinização de água salobra",
                "खारे पानी के विलवणीकरण किट",
            ),
        ),
        (
            ("coastal towns", "沿海城镇", "прибрежных городов", "cidades costeiras", "तटीय कस्बों"),
            (
                "arid farming regions",
                "干旱农业区",
                "засушливых сельскохозяйственных районов",
                "regiões agrícolas áridas",
                "शुष्क कृषि क्षेत्रों",
            ),
            (
                "island resorts",
                "海岛度假区",
                "островных курортов",
                "resorts em ilhas",
                "द्वीपीय रिसॉर्टों",
            ),
        ),
        (
            ProjectKind(
                (
                    "Solar-powered desalination plant of {n} m³/day for {place}",
                    "{place}日产{n}立方米太阳能海水淡化厂",
                    "Опреснительная станция на солнечной энергии производительностью {n} м³/сут, "
                    "{place}",
                    "Usina de dessalinização solar de {n} m³/dia para {place}",
                    "{place} के लिए प्रतिदिन {n} घन मीटर का सौर विलवणीकरण संयंत्र",
                ),
                5_000,
                300_000,
                5_000,
                1_200,
                1.2,
                "m³/day",
            ),
        ),
        (
            (
                "Produces drinking water at under 3 kWh per cubic metre, powered by an adjacent "
                "solar plant.",
                "每立方米淡水能耗低于3千瓦时，由配套光伏电站供电。",
                "Производит питьевую воду с затратами менее 3 кВт·ч на кубометр за счёт соседней "
                "солнечной электростанции.",
                "Produz água potável com menos de 3 kWh por metro cúbico, alimentada por uma usina "
                "solar vizinha.",
                "पास के सौर संयंत्र से चलकर प्रति घन मीटर 3 किलोवाट-घंटे से कम ऊर्जा में पीने का पानी बनाता है।",
            ),
            (
                "Containerised units deliver safe water to remote communities within weeks.",
                "集装箱式设备可在数周内为偏远社区提供安全饮用水。",
                "Контейнерные установки за несколько недель обеспечивают безопасной водой "
                "удалённые "
                "посёлки.",
                "Unidades em contêiner levam água segura a comunidades remotas em poucas semanas.",
                "कंटेनर इकाइयाँ कुछ ही हफ़्तों में दूरदराज़ समुदायों तक सुरक्षित पानी पहुँचाती हैं।",
            ),
        ),
        (
            "Energy-recovery devices return up to 96% of the brine pressure to the feed stream.",
            "Brine is diluted through a multiport diffuser to protect marine life near the "
            "outfall.",
            "Operation follows the solar profile, with a small battery buffer for steady "
            "membrane flow.",
        ),
        (100, 10_000),
        frozenset({"SA", "AE", "EG", "IR", "CL", "MA"}),
        coastal=True,
    ),
    Topic(
        "precision-irrigation",
        ("sustainable-agriculture", "water-wastewater"),
        ("y02a", "y02p"),
        (2, 6, 15),
        "agri",
        (
            "precision irrigation and climate-smart farming",
            "精准灌溉与气候智慧型农业",
            "точное орошение и климатически оптимизированное земледелие",
            "irrigação de precisão e agricultura climaticamente inteligente",
            "सटीक सिंचाई और जलवायु-स्मार्ट खेती",
        ),
        (
            "drip irrigation systems, soil sensors and solar water pumps",
            "滴灌系统、土壤传感器和太阳能水泵",
            "системы капельного орошения, датчики почвы и солнечные насосы",
            "sistemas de irrigação por gotejamento, sensores de solo e bombas solares",
            "ड्रिप सिंचाई प्रणालियों, मिट्टी सेंसरों और सौर जल पंपों",
        ),
        (
            (
                "Solar-powered irrigation pumps",
                "太阳能灌溉水泵",
                "Ирригационные насосы на солнечной энергии",
                "Bombas de irrigação movidas a energia solar",
                "सौर ऊर्जा चालित सिंचाई पंप",
            ),
            (
                "Sensor-driven drip irrigation",
                "传感器驱动的智能滴灌",
                "Капельное орошение с управлением по датчикам",
                "Irrigação por gotejamento guiada por sensores",
                "सेंसर-संचालित ड्रिप सिंचाई",
            ),
            (
                "Satellite crop-monitoring services",
                "卫星作物监测服务",
                "Спутниковый мониторинг посевов",
                "Monitoramento de lavouras por satélite",
                "उपग्रह फ़सल-निगरानी सेवाएँ",
            ),
        ),
        (
            (
                "smallholder farms",
                "小农户",
                "мелких фермерских хозяйств",
                "pequenas propriedades rurais",
                "छोटे किसानों",
            ),
            (
                "orchards and vineyards",
                "果园和葡萄园",
                "садов и виноградников",
                "pomares e vinhedos",
                "बागों और अंगूर के बागानों",
            ),
            (
                "cotton and sugarcane",
                "棉花和甘蔗种植",
                "посевов хлопка и сахарного тростника",
                "algodão e cana-de-açúcar",
                "कपास और गन्ने",
            ),
        ),
        (
            ProjectKind(
                (
                    "Solar irrigation for {n} hectares of farmland near {place}",
                    "{place}{n}公顷农田太阳能灌溉项目",
                    "Солнечное орошение сельхозугодий площадью {n} га, {place}",
                    "Irrigação solar para {n} hectares de lavouras perto de {place}",
                    "{place} के पास {n} हेक्टेयर खेती के लिए सौर सिंचाई",
                ),
                500,
                20_000,
                100,
                2_500,
                1.2,
                "ha",
            ),
        ),
        (
            (
                "Delivers water and fertiliser straight to the roots, saving 30–50% of water while "
                "raising yields.",
                "将水肥直接输送到作物根部，节水30%–50%并提高产量。",
                "Подаёт воду и удобрения прямо к корням, экономя 30–50% воды и повышая "
                "урожайность.",
                "Leva água e fertilizante direto às raízes, economizando de 30% a 50% de água e "
                "aumentando a produtividade.",
                "पानी और उर्वरक सीधे जड़ों तक पहुँचाता है, जिससे 30–50% पानी बचता है और उपज बढ़ती है।",
            ),
            (
                "Solar pumps replace diesel gensets and pay for themselves in two to four seasons.",
                "太阳能水泵替代柴油机组，两到四个种植季即可收回成本。",
                "Солнечные насосы заменяют дизель-генераторы и окупаются за два-четыре сезона.",
                "Bombas solares substituem geradores a diesel e se pagam em duas a quatro safras.",
                "सौर पंप डीज़ल जनरेटरों की जगह लेते हैं और दो से चार मौसमों में अपनी लागत निकाल लेते हैं।",
            ),
        ),
        (
            "Soil-moisture probes and a weather feed decide when and how much to irrigate.",
            "Farmers receive advice by SMS in local languages, so no smartphone is needed.",
            "Pay-as-you-grow financing spreads the equipment cost over several harvests.",
        ),
        (2, 500),
        frozenset({"IN", "EG", "ET", "KE", "UZ", "IR"}),
    ),
    Topic(
        "low-carbon-materials",
        ("green-manufacturing", "ccus"),
        ("y02p",),
        (9, 12, 13),
        "industry",
        (
            "low-carbon cement and steel",
            "低碳水泥与钢铁",
            "низкоуглеродные цемент и сталь",
            "cimento e aço de baixo carbono",
            "कम-कार्बन सीमेंट और इस्पात",
        ),
        (
            "low-clinker cements and hydrogen-ready direct-reduction plants",
            "低熟料水泥和可用氢直接还原装置",
            "низкоклинкерные цементы и установки прямого восстановления железа, готовые к водороду",
            "cimentos de baixo clínquer e plantas de redução direta preparadas para hidrogênio",
            "कम-क्लिंकर सीमेंट और हाइड्रोजन-तैयार प्रत्यक्ष-अपचयन संयंत्रों",
        ),
        (
            (
                "Limestone calcined clay cement (LC3)",
                "石灰石煅烧黏土水泥（LC3）",
                "Цемент на основе кальцинированной глины и известняка (LC3)",
                "Cimento de argila calcinada e calcário (LC3)",
                "चूना पत्थर कैल्सीनयुक्त मिट्टी सीमेंट (LC3)",
            ),
            (
                "Hydrogen direct reduction of iron ore",
                "氢基直接还原铁",
                "Прямое восстановление железной руды водородом",
                "Redução direta de minério de ferro com hidrogênio",
                "हाइड्रोजन द्वारा लौह अयस्क का प्रत्यक्ष अपचयन",
            ),
            (
                "Electric arc furnace scrap preheating",
                "电弧炉废钢预热",
                "Предварительный подогрев лома для электродуговых печей",
                "Preaquecimento de sucata para fornos elétricos a arco",
                "इलेक्ट्रिक आर्क फ़र्नेस स्क्रैप प्रीहीटिंग",
            ),
            (
                "Geopolymer concrete",
                "地质聚合物混凝土",
                "Геополимерный бетон",
                "Concreto geopolimérico",
                "जियोपॉलिमर कंक्रीट",
            ),
            (
                "Green steel from scrap and renewable power",
                "废钢与绿电生产绿色钢铁",
                "«Зелёная» сталь из лома на возобновляемой электроэнергии",
                "Aço verde a partir de sucata e energia renovável",
                "स्क्रैप और नवीकरणीय बिजली से हरित इस्पात",
            ),
        ),
        (),
        (
            ProjectKind(
                (
                    "Calcined-clay cement line of {n} tonnes a day in {place}",
                    "{place}日产{n}吨煅烧黏土水泥生产线",
                    "Линия по производству цемента на кальцинированной глине мощностью {n} т в "
                    "сутки, {place}",
                    "Linha de cimento de argila calcinada de {n} toneladas por dia em {place}",
                    "{place} में प्रतिदिन {n} टन की कैल्सीनयुक्त मिट्टी सीमेंट लाइन",
                ),
                1_000,
                8_000,
                500,
                40_000,
                90,
                "t/day",
            ),
            ProjectKind(
                (
                    "Hydrogen-ready direct reduced iron plant of {n} tonnes a year in {place}",
                    "{place}年产{n}吨氢基直接还原铁厂",
                    "Завод прямого восстановления железа с возможностью перехода на водород "
                    "мощностью {n} т в год, {place}",
                    "Usina de ferro-esponja preparada para hidrogênio de {n} toneladas por ano em "
                    "{place}",
                    "{place} में {n} टन वार्षिक क्षमता वाला हाइड्रोजन-तैयार डीआरआई संयंत्र",
                ),
                500_000,
                2_500_000,
                100_000,
                450,
                0.6,
                "t/year",
            ),
        ),
        (
            (
                "Cuts the CO₂ footprint of cement by up to 40% using widely available clays and "
                "limestone.",
                "利用储量丰富的黏土和石灰石，使水泥碳足迹降低多达40%。",
                "Снижает углеродный след цемента до 40% за счёт широко доступных глин и "
                "известняка.",
                "Reduz em até 40% a pegada de CO₂ do cimento usando argilas e calcário amplamente "
                "disponíveis.",
                "व्यापक रूप से उपलब्ध मिट्टी और चूना पत्थर से सीमेंट के CO₂ पदचिह्न को 40% तक घटाता है।",
            ),
            (
                "Replaces coking coal with natural gas today and green hydrogen tomorrow, without "
                "rebuilding the plant.",
                "当前以天然气替代焦煤，未来可直接切换为绿氢，无需重建装置。",
                "Заменяет коксующийся уголь природным газом сегодня и зелёным водородом завтра без "
                "перестройки завода.",
                "Substitui o carvão de coque por gás natural hoje e por hidrogênio verde amanhã, "
                "sem "
                "reconstruir a planta.",
                "आज कोकिंग कोयले की जगह प्राकृतिक गैस और कल ग्रीन हाइड्रोजन का उपयोग, संयंत्र को "
                "दोबारा बनाए बिना।",
            ),
        ),
        (
            "Calcined clay and limestone replace half of the clinker while keeping standard "
            "strength classes.",
            "Clay is calcined at about 800 °C, far below the 1,450 °C needed for clinker.",
            "The shaft furnace runs on any blend of natural gas and hydrogen, up to 100% hydrogen.",
        ),
        (10_000, 500_000),
        frozenset({"IN", "CN", "RU", "BR", "IR", "EG"}),
    ),
    Topic(
        "carbon-capture",
        ("ccus", "green-manufacturing"),
        ("y02c", "y02p"),
        (13, 9),
        "carbon",
        (
            "carbon capture, utilisation and storage",
            "碳捕集、利用与封存",
            "улавливание, использование и хранение углерода",
            "captura, uso e armazenamento de carbono",
            "कार्बन अभिग्रहण, उपयोग और भंडारण",
        ),
        (
            "carbon-capture units and CO₂ conversion systems",
            "碳捕集装置和二氧化碳转化系统",
            "установки улавливания углерода и системы переработки CO₂",
            "unidades de captura de carbono e sistemas de conversão de CO₂",
            "कार्बन-अभिग्रहण इकाइयों और CO₂ रूपांतरण प्रणालियों",
        ),
        (
            (
                "Amine-based post-combustion CO₂ capture",
                "胺法燃烧后二氧化碳捕集",
                "Улавливание CO₂ после сжигания аминовыми растворами",
                "Captura de CO₂ pós-combustão com aminas",
                "अमीन-आधारित दहन-पश्चात CO₂ अभिग्रहण",
            ),
            (
                "CO₂ mineralisation in concrete",
                "混凝土二氧化碳矿化利用",
                "Минерализация CO₂ в бетоне",
                "Mineralização de CO₂ no concreto",
                "कंक्रीट में CO₂ खनिजीकरण",
            ),
            (
                "CO₂-to-methanol conversion",
                "二氧化碳制甲醇",
                "Переработка CO₂ в метанол",
                "Conversão de CO₂ em metanol",
                "CO₂ से मेथनॉल रूपांतरण",
            ),
        ),
        (
            (
                "coal and gas power plants",
                "燃煤和燃气电厂",
                "угольных и газовых электростанций",
                "usinas a carvão e a gás",
                "कोयला और गैस बिजली संयंत्रों",
            ),
            (
                "cement and lime works",
                "水泥和石灰厂",
                "цементных и известковых заводов",
                "fábricas de cimento e cal",
                "सीमेंट और चूना कारखानों",
            ),
            (
                "refineries and fertiliser plants",
                "炼油厂和化肥厂",
                "нефтеперерабатывающих заводов и производств удобрений",
                "refinarias e fábricas de fertilizantes",
                "रिफ़ाइनरियों और उर्वरक संयंत्रों",
            ),
        ),
        (
            ProjectKind(
                (
                    "CO₂ capture and storage hub for {n} tonnes a year in {place}",
                    "{place}年捕集封存{n}吨二氧化碳枢纽项目",
                    "Кластер улавливания и хранения CO₂ мощностью {n} т в год, {place}",
                    "Polo de captura e armazenamento de {n} toneladas de CO₂ por ano em {place}",
                    "{place} में प्रति वर्ष {n} टन CO₂ अभिग्रहण और भंडारण हब",
                ),
                100_000,
                2_000_000,
                50_000,
                350,
                0.9,
                "t/year",
            ),
        ),
        (
            (
                "Captures more than 90% of the CO₂ in flue gas for storage in saline aquifers or "
                "use in products.",
                "可捕集烟气中90%以上的二氧化碳，用于咸水层封存或制造产品。",
                "Улавливает более 90% CO₂ из дымовых газов для закачки в водоносные пласты или "
                "использования в продуктах.",
                "Captura mais de 90% do CO₂ dos gases de combustão para armazenamento em aquíferos "
                "salinos ou uso em produtos.",
                "फ़्लू गैस की 90% से अधिक CO₂ को खारे जलभृतों में भंडारण या उत्पादों में उपयोग के लिए पकड़ता है।",
            ),
            (
                "Turns captured CO₂ into a feedstock whose sales offset the cost of capture.",
                "将捕集的二氧化碳转化为原料，所得收益可抵消捕集成本。",
                "Превращает уловленный CO₂ в сырьё, доход от которого покрывает затраты на "
                "улавливание.",
                "Transforma o CO₂ capturado em matéria-prima, gerando receita que compensa o custo "
                "da captura.",
                "पकड़ी गई CO₂ को कच्चे माल में बदलता है, जिससे होने वाली आय अभिग्रहण की लागत की "
                "भरपाई करती है।",
            ),
        ),
        (
            "A low-regeneration-energy solvent needs about 2.4 GJ of steam per tonne of CO₂.",
            "Storage sites are characterised with seismic surveys and monitored for at least "
            "20 years.",
            "Captured CO₂ injected into fresh concrete mineralises and raises its strength.",
        ),
        (20_000, 1_000_000),
        frozenset({"CN", "SA", "AE", "RU", "BR"}),
    ),
    Topic(
        "smart-grids",
        ("smart-grids-digital", "energy-efficiency"),
        ("y04s", "y02d"),
        (7, 9, 11),
        "grid",
        (
            "smart grids and metering",
            "智能电网与计量",
            "интеллектуальные сети и учёт",
            "redes inteligentes e medição",
            "स्मार्ट ग्रिड और मीटरिंग",
        ),
        (
            "smart meters, grid sensors and distribution automation",
            "智能电表、电网传感器和配电自动化设备",
            "интеллектуальные счётчики, сетевые датчики и средства автоматизации распределительных "
            "сетей",
            "medidores inteligentes, sensores de rede e automação da distribuição",
            "स्मार्ट मीटरों, ग्रिड सेंसरों और वितरण स्वचालन",
        ),
        (
            (
                "Prepaid smart electricity meters",
                "预付费智能电表",
                "Интеллектуальные счётчики электроэнергии с предоплатой",
                "Medidores inteligentes de energia pré-pagos",
                "प्रीपेड स्मार्ट बिजली मीटर",
            ),
            (
                "Distribution-grid fault location and self-healing",
                "配电网故障定位与自愈",
                "Определение мест повреждений и самовосстановление распределительных сетей",
                "Localização de falhas e autorrecuperação da rede de distribuição",
                "वितरण ग्रिड दोष स्थान-निर्धारण और स्व-उपचार",
            ),
            (
                "Virtual power plant platforms",
                "虚拟电厂平台",
                "Платформы виртуальных электростанций",
                "Plataformas de usinas virtuais",
                "वर्चुअल पावर प्लांट प्लेटफ़ॉर्म",
            ),
        ),
        (
            (
                "distribution utilities",
                "配电公司",
                "распределительных сетевых компаний",
                "distribuidoras de energia",
                "वितरण कंपनियों",
            ),
            (
                "rural electrification",
                "农村电气化",
                "электрификации сельских районов",
                "eletrificação rural",
                "ग्रामीण विद्युतीकरण",
            ),
            (
                "industrial parks",
                "工业园区",
                "промышленных парков",
                "parques industriais",
                "औद्योगिक पार्कों",
            ),
        ),
        (
            ProjectKind(
                (
                    "Smart metering roll-out for {n} households in {place}",
                    "{place}{n}户智能电表推广项目",
                    "Внедрение интеллектуального учёта электроэнергии, {place} (домохозяйств: {n})",
                    "Implantação de medição inteligente para {n} domicílios em {place}",
                    "{place} में {n} घरों के लिए स्मार्ट मीटरिंग परियोजना",
                ),
                20_000,
                2_000_000,
                10_000,
                120,
                0.15,
                "households",
            ),
        ),
        (
            (
                "Reduces technical and commercial losses in distribution grids by up to 15 "
                "percentage points.",
                "可将配电网技术和管理损耗降低多达15个百分点。",
                "Снижает технические и коммерческие потери в распределительных сетях до 15 "
                "процентных пунктов.",
                "Reduz perdas técnicas e comerciais nas redes de distribuição em até 15 pontos "
                "percentuais.",
                "वितरण ग्रिड में तकनीकी और वाणिज्यिक हानियों को 15 प्रतिशत अंक तक घटाता है।",
            ),
            (
                "Lets grid operators see and steer the low-voltage network, so it can take more "
                "rooftop solar.",
                "使电网运营商能够感知并调控低压电网，从而接入更多屋顶光伏。",
                "Позволяет сетевым компаниям видеть и регулировать сеть низкого напряжения и "
                "подключать больше крышных солнечных станций.",
                "Permite às distribuidoras enxergar e controlar a rede de baixa tensão e integrar "
                "mais energia solar em telhados.",
                "ग्रिड संचालकों को निम्न-वोल्टेज नेटवर्क को देखने और नियंत्रित करने देता है, ताकि "
                "अधिक "
                "रूफ़टॉप सौर जोड़ा जा सके।",
            ),
        ),
        (
            "Meters communicate over narrowband IoT or power-line carrier and support remote "
            "connection.",
            "Fault indicators isolate a damaged feeder section and restore supply to the rest "
            "within a minute.",
            "Open standards such as DLMS/COSEM and IEC 61850 avoid vendor lock-in.",
        ),
        (100, 20_000),
        frozenset({"IN", "BR", "ZA", "NG", "CN"}),
    ),
    Topic(
        "green-data-centres",
        ("smart-grids-digital", "energy-efficiency"),
        ("y02d",),
        (9, 7, 12),
        "grid",
        (
            "energy-efficient data centres",
            "绿色数据中心",
            "энергоэффективные центры обработки данных",
            "data centers eficientes",
            "ऊर्जा-कुशल डेटा सेंटर",
        ),
        (
            "liquid-cooling systems and modular data centres",
            "液冷系统和模块化数据中心",
            "системы жидкостного охлаждения и модульные ЦОД",
            "sistemas de refrigeração líquida e data centers modulares",
            "तरल-शीतलन प्रणालियों और मॉड्यूलर डेटा सेंटरों",
        ),
        (
            (
                "Immersion liquid cooling",
                "浸没式液冷",
                "Иммерсионное жидкостное охлаждение",
                "Refrigeração líquida por imersão",
                "विसर्जन तरल शीतलन",
            ),
            (
                "Prefabricated modular data centres",
                "预制模块化数据中心",
                "Сборные модульные центры обработки данных",
                "Data centers modulares pré-fabricados",
                "पूर्वनिर्मित मॉड्यूलर डेटा सेंटर",
            ),
            (
                "AI-based cooling optimisation",
                "人工智能制冷优化",
                "Оптимизация охлаждения на основе ИИ",
                "Otimização de refrigeração baseada em IA",
                "एआई-आधारित शीतलन अनुकूलन",
            ),
        ),
        (
            (
                "hot and humid climates",
                "湿热气候地区",
                "жаркого и влажного климата",
                "climas quentes e úmidos",
                "गर्म और आर्द्र जलवायु",
            ),
            (
                "edge computing sites",
                "边缘计算站点",
                "объектов периферийных вычислений",
                "locais de computação de borda",
                "एज कंप्यूटिंग स्थलों",
            ),
        ),
        (
            ProjectKind(
                (
                    "{n} MW green data-centre campus powered by renewables in {place}",
                    "{place}{n}兆瓦可再生能源供电绿色数据中心园区",
                    "Кампус «зелёных» ЦОД мощностью {n} МВт на возобновляемой энергии, {place}",
                    "Campus de data centers verdes de {n} MW abastecido por renováveis em {place}",
                    "{place} में नवीकरणीय ऊर्जा से चलने वाला {n} मेगावाट हरित डेटा सेंटर परिसर",
                ),
                10,
                200,
                5,
                9_000_000,
                3_000,
                "MW",
            ),
        ),
        (
            (
                "Brings power usage effectiveness down to 1.1 and reuses server heat in nearby "
                "buildings.",
                "使电能利用效率（PUE）降至1.1，并将服务器余热用于周边建筑供暖。",
                "Снижает коэффициент PUE до 1,1 и передаёт тепло серверов соседним зданиям.",
                "Reduz a eficiência de uso de energia (PUE) para 1,1 e reaproveita o calor dos "
                "servidores em prédios vizinhos.",
                "पावर यूसेज़ एफ़ेक्टिवनेस को 1.1 तक लाता है और सर्वर की ऊष्मा को पास की इमारतों "
                "में "
                "उपयोग करता है।",
            ),
            (
                "Cools without chillers even at 40 °C outdoor temperature.",
                "即使室外温度达到40°C也无需冷水机组制冷。",
                "Охлаждение без чиллеров даже при наружной температуре 40 °C.",
                "Refrigeração sem chillers mesmo com temperatura externa de 40 °C.",
                "40 °C बाहरी तापमान पर भी चिलर के बिना शीतलन।",
            ),
        ),
        (
            "Servers are immersed in a dielectric fluid that removes up to 100 kW of heat per "
            "rack.",
            "Modules are factory-tested and commissioned on site within twelve weeks.",
            "A machine-learning controller adjusts pumps and fans every minute from thousands of "
            "sensor readings.",
        ),
        (500, 20_000),
        frozenset({"CN", "IN", "AE", "SA", "MY", "RU"}),
    ),
)

# Generic phrase banks -----------------------------------------------------------------------

# A technology name with its application: "Waste-heat recovery for cement kilns".
TECH_TITLE = (
    "{name} for {app}",
    "适用于{app}的{name}",
    "{name} для {app}",
    "{name} para {app}",
    "{app} के लिए {name}",
)
TECH_TAILS = (
    (
        "Readiness level TRL {trl}; cuts emissions by about {co2} tCO₂e a year per installation.",
        "技术就绪度TRL {trl}级；每套装置每年可减排约{co2}吨二氧化碳当量。",
        "Уровень готовности TRL {trl}; сокращение выбросов — около {co2} т CO₂-экв. в год на одну "
        "установку.",
        "Nível de maturidade TRL {trl}; reduz cerca de {co2} tCO₂e por ano por instalação.",
        "तकनीकी तैयारी स्तर TRL {trl}; प्रति संयंत्र प्रति वर्ष लगभग {co2} टन CO₂e उत्सर्जन में कमी।",
    ),
    (
        "Cooperation: {modes}.",
        "合作方式：{modes}。",
        "Формы сотрудничества: {modes}.",
        "Formas de cooperação: {modes}.",
        "सहयोग के रूप: {modes}।",
    ),
)
PROJECT_SUMMARY = (
    "The project will deploy {products} in {place}, {country}. Investment sought: {money}.",
    "项目拟在{country}{place}部署{products}。寻求投资：{money}。",
    "В рамках проекта будут внедрены {products}. Место реализации: {place}, {country}. "
    "Требуемые инвестиции: {money}.",
    "O projeto vai implantar {products} em {place}, {country}. Investimento buscado: {money}.",
    "परियोजना के अंतर्गत {country} के {place} में {products} की स्थापना होगी। अपेक्षित निवेश: {money}।",
)
PROJECT_TAIL = (
    "Expected reduction: {co2} tCO₂e a year. Cooperation sought: {coop}.",
    "预计年减排{co2}吨二氧化碳当量。寻求合作：{coop}。",
    "Ожидаемое сокращение выбросов — {co2} т CO₂-экв. в год. Искомые формы сотрудничества: {coop}.",
    "Redução esperada: {co2} tCO₂e por ano. Cooperação buscada: {coop}.",
    "अनुमानित कमी: प्रति वर्ष {co2} टन CO₂e। अपेक्षित सहयोग: {coop}।",
)
ENTERPRISE_SUMMARIES = (
    (
        "Develops, manufactures and supplies {products}.",
        "研发、生产并供应{products}。",
        "Разрабатывает, производит и поставляет {products}.",
        "Desenvolve, fabrica e fornece {products}.",
        "{products} का विकास, निर्माण और आपूर्ति करती है।",
    ),
    (
        "Engineering, installation and maintenance of {products}.",
        "从事{products}的设计、安装和运维。",
        "Проектирование, монтаж и обслуживание: {products}.",
        "Projeto, instalação e manutenção de {products}.",
        "{products} की डिज़ाइन, स्थापना और रखरखाव।",
    ),
)
ENTERPRISE_TAIL = (
    "Founded in {year} in {place}; cooperation offered: {coop}.",
    "公司成立于{year}年，总部位于{place}。合作方式：{coop}。",
    "Основана в {year} году, {place}. Формы сотрудничества: {coop}.",
    "Fundada em {year} em {place}. Cooperação oferecida: {coop}.",
    "{year} में {place} में स्थापित। सहयोग: {coop}।",
)
TALENT_SUMMARY = (
    "{years} years of experience in {label}. Available for {available}.",
    "拥有{years}年{label}领域经验。可提供：{available}。",
    "Опыт работы: {years_ru}. Специализация: {label}. Формат работы: {available}.",
    "{years} anos de experiência em {label}. Disponível para {available}.",
    "{label} में {years} वर्षों का अनुभव। {available} के लिए उपलब्ध।",
)
TALENT_SUMMARY_UNAVAILABLE = (
    "{years} years of experience in {label}.",
    "拥有{years}年{label}领域经验。",
    "Опыт работы: {years_ru}. Специализация: {label}.",
    "{years} anos de experiência em {label}.",
    "{label} में {years} वर्षों का अनुभव।",
)
AVAILABILITY = {
    "consulting": ("consulting", "咨询", "консультации", "consultoria", "परामर्श"),
    "training": ("training", "培训", "обучение", "treinamento", "प्रशिक्षण"),
    "mentoring": ("mentoring", "指导", "наставничество", "mentoria", "मार्गदर्शन"),
}
# (English, Chinese, Russian, Portuguese for a man, for a woman, Hindi)
ROLES = (
    (
        "Senior engineer",
        "高级工程师",
        "Ведущий инженер",
        "Engenheiro sênior",
        "Engenheira sênior",
        "वरिष्ठ इंजीनियर",
    ),
    ("Professor", "教授", "Профессор", "Professor", "Professora", "प्रोफ़ेसर"),
    (
        "Project manager",
        "项目经理",
        "Руководитель проектов",
        "Gerente de projetos",
        "Gerente de projetos",
        "परियोजना प्रबंधक",
    ),
    (
        "Independent consultant",
        "独立顾问",
        "Независимый консультант",
        "Consultor independente",
        "Consultora independente",
        "स्वतंत्र सलाहकार",
    ),
    (
        "Chief technology officer",
        "首席技术官",
        "Технический директор",
        "Diretor de tecnologia",
        "Diretora de tecnologia",
        "मुख्य प्रौद्योगिकी अधिकारी",
    ),
    ("Research fellow", "研究员", "Научный сотрудник", "Pesquisador", "Pesquisadora", "शोध अध्येता"),
    (
        "Policy adviser",
        "政策顾问",
        "Советник по отраслевой политике",
        "Assessor de políticas",
        "Assessora de políticas",
        "नीति सलाहकार",
    ),
    (
        "Certified energy auditor",
        "注册能源审计师",
        "Сертифицированный энергоаудитор",
        "Auditor de energia certificado",
        "Auditora de energia certificada",
        "प्रमाणित ऊर्जा लेखा परीक्षक",
    ),
    (
        "Investment analyst",
        "投资分析师",
        "Инвестиционный аналитик",
        "Analista de investimentos",
        "Analista de investimentos",
        "निवेश विश्लेषक",
    ),
    (
        "Plant operations manager",
        "电站运营经理",
        "Руководитель эксплуатации",
        "Gerente de operações",
        "Gerente de operações",
        "संयंत्र संचालन प्रबंधक",
    ),
)
HEADLINE = (
    "{role}, {label}",
    "{label}{role}",
    "{role}, {label}",
    "{role}, {label}",
    "{role}, {label}",
)
ACADEMIC_ORGANISATIONS = (
    "{place} University of Technology",
    "{place} Institute of Energy Research",
    "{place} Polytechnic University",
    "{place} Centre for Sustainable Development",
    "{place} Academy of Sciences",
)
DISCIPLINES = (
    "mechanical engineering",
    "electrical engineering",
    "chemical engineering",
    "environmental science",
    "energy economics",
    "materials science",
    "civil engineering",
)

INSTITUTIONS = {
    InstitutionType.FINANCE: (
        (
            (
                "{place} Green Development Fund",
                "{place}绿色发展基金",
                "Фонд зелёного развития «{place}»",
                "Fundo de Desenvolvimento Verde de {place}",
                "{place} हरित विकास कोष",
            ),
            (
                "{place} Sustainable Infrastructure Fund",
                "{place}可持续基础设施基金",
                "Фонд устойчивой инфраструктуры «{place}»",
                "Fundo de Infraestrutura Sustentável de {place}",
                "{place} सतत अवसंरचना कोष",
            ),
        ),
        (
            "Provides loans, guarantees and equity for renewable-energy and energy-efficiency "
            "projects in {country} and other BRICS markets.",
            "为{country}及其他金砖国家市场的可再生能源和能效项目提供贷款、担保和股权投资。",
            "Предоставляет кредиты, гарантии и долевое финансирование проектам в области "
            "возобновляемой энергетики и энергоэффективности на рынках стран БРИКС.",
            "Oferece empréstimos, garantias e participação acionária para projetos de energia "
            "renovável e eficiência energética em mercados do BRICS.",
            "{country} और अन्य ब्रिक्स बाज़ारों में नवीकरणीय ऊर्जा और ऊर्जा दक्षता परियोजनाओं के "
            "लिए "
            "ऋण, गारंटी और इक्विटी प्रदान करता है।",
        ),
        (
            "Senior and mezzanine loans for renewable-energy projects",
            "Partial credit guarantees for small and medium-sized enterprises",
            "Green bond structuring and second-party review",
            "Equity investment in early-stage cleantech companies",
            "Blended finance with BRICS development banks",
            "Technical assistance grants for project preparation",
        ),
        "fund",
    ),
    InstitutionType.CONSULTING: (
        (
            (
                "{place} Energy Transition Advisory",
                "{place}能源转型咨询中心",
                "Консалтинговый центр энергетического перехода «{place}»",
                "Consultoria em Transição Energética de {place}",
                "{place} ऊर्जा संक्रमण परामर्श केंद्र",
            ),
            (
                "{place} Carbon Advisory Group",
                "{place}碳资产咨询集团",
                "Группа консультантов по углеродному регулированию «{place}»",
                "Grupo de Consultoria em Carbono de {place}",
                "{place} कार्बन सलाहकार समूह",
            ),
        ),
        (
            "Advises developers and industry on feasibility, permitting, energy audits and "
            "carbon-market registration.",
            "为开发商和工业企业提供可行性研究、审批许可、能源审计和碳市场注册咨询。",
            "Консультирует девелоперов и промышленные компании по ТЭО, разрешительной "
            "документации, "
            "энергоаудиту и регистрации на углеродных рынках.",
            "Assessora desenvolvedores e indústrias em viabilidade, licenciamento, auditorias "
            "energéticas e registro em mercados de carbono.",
            "डेवलपरों और उद्योगों को व्यवहार्यता, अनुमति, ऊर्जा लेखा परीक्षा और कार्बन-बाज़ार "
            "पंजीकरण "
            "पर सलाह देता है।",
        ),
        (
            "Feasibility and bankability studies",
            "Environmental and social impact assessment",
            "Energy audits and measurement and verification",
            "Carbon-credit project design and registration",
            "Market-entry advice for BRICS countries",
            "Owner's engineer services during construction",
        ),
        "firm",
    ),
    InstitutionType.CERTIFICATION: (
        (
            (
                "{place} Renewable Equipment Testing Centre",
                "{place}可再生能源设备检测中心",
                "Испытательный центр возобновляемой энергетики «{place}»",
                "Centro de Ensaios de Equipamentos Renováveis de {place}",
                "{place} नवीकरणीय उपकरण परीक्षण केंद्र",
            ),
            (
                "{place} Institute for Energy Product Certification",
                "{place}能源产品认证院",
                "Институт сертификации энергетической продукции «{place}»",
                "Instituto de Certificação de Produtos Energéticos de {place}",
                "{place} ऊर्जा उत्पाद प्रमाणन संस्थान",
            ),
        ),
        (
            "Accredited laboratory testing and certifying solar modules, inverters, batteries and "
            "wind components to IEC standards.",
            "经认可的实验室，依据IEC标准对光伏组件、逆变器、电池和风电部件进行检测认证。",
            "Аккредитованная лаборатория: испытания и сертификация солнечных модулей, инверторов, "
            "аккумуляторов и компонентов ветроустановок по стандартам МЭК.",
            "Laboratório acreditado que ensaia e certifica módulos solares, inversores, baterias e "
            "componentes eólicos segundo normas IEC.",
            "मान्यता प्राप्त प्रयोगशाला जो सौर मॉड्यूल, इन्वर्टर, बैटरियों और पवन घटकों का आईईसी "
            "मानकों के अनुसार परीक्षण और प्रमाणन करती है।",
        ),
        (
            "Type testing of PV modules to IEC 61215 and IEC 61730",
            "Battery safety testing to IEC 62619",
            "Grid-code compliance tests for inverters",
            "Factory inspections and product certification",
            "Green building rating assessments",
            "Verification of greenhouse-gas inventories",
        ),
        "laboratory",
    ),
    InstitutionType.LAW: (
        (
            (
                "{place} Climate and Energy Law Group",
                "{place}气候与能源律师事务所",
                "Юридическая группа по праву энергетики и климата «{place}»",
                "Grupo de Direito de Energia e Clima de {place}",
                "{place} जलवायु एवं ऊर्जा विधि समूह",
            ),
            (
                "{place} Green Energy Legal Partners",
                "{place}绿色能源法律合伙人",
                "Юридические партнёры по зелёной энергетике «{place}»",
                "Advogados Associados em Energia Verde de {place}",
                "{place} हरित ऊर्जा विधि साझेदार",
            ),
        ),
        (
            "Law firm advising on power purchase agreements, project finance, cross-border "
            "investment and environmental permits.",
            "律师事务所，提供购电协议、项目融资、跨境投资和环境许可方面的法律服务。",
            "Юридическая фирма: договоры купли-продажи электроэнергии, проектное финансирование, "
            "трансграничные инвестиции и экологические разрешения.",
            "Escritório de advocacia especializado em contratos de compra de energia, project "
            "finance, investimentos internacionais e licenças ambientais.",
            "विधि फ़र्म जो बिजली खरीद समझौतों, परियोजना वित्त, सीमा-पार निवेश और पर्यावरण "
            "अनुमतियों "
            "पर सलाह देती है।",
        ),
        (
            "Power purchase and offtake agreements",
            "Project finance and security documentation",
            "Cross-border investment and joint-venture structuring",
            "Environmental licensing and permitting",
            "Intellectual property and technology licensing",
            "Dispute resolution and arbitration",
        ),
        "firm",
    ),
    InstitutionType.TRAINING: (
        (
            (
                "{place} Green Skills Academy",
                "{place}绿色技能学院",
                "Академия зелёных компетенций «{place}»",
                "Academia de Competências Verdes de {place}",
                "{place} हरित कौशल अकादमी",
            ),
            (
                "{place} Renewable Energy Training Centre",
                "{place}可再生能源培训中心",
                "Учебный центр возобновляемой энергетики «{place}»",
                "Centro de Treinamento em Energias Renováveis de {place}",
                "{place} नवीकरणीय ऊर्जा प्रशिक्षण केंद्र",
            ),
        ),
        (
            "Runs certified courses for solar installers, wind technicians, energy managers and "
            "green-finance professionals.",
            "开设光伏安装、风电运维、能源管理和绿色金融等认证培训课程。",
            "Проводит сертифицированные курсы для монтажников солнечных станций, техников "
            "ветроустановок, энергоменеджеров и специалистов по зелёному финансированию.",
            "Oferece cursos certificados para instaladores solares, técnicos eólicos, gestores de "
            "energia e profissionais de finanças verdes.",
            "सौर इंस्टॉलरों, पवन तकनीशियनों, ऊर्जा प्रबंधकों और हरित वित्त पेशेवरों के लिए "
            "प्रमाणित "
            "पाठ्यक्रम चलाता है।",
        ),
        (
            "Certified PV installer courses",
            "Wind turbine technician training to GWO standards",
            "Energy manager certification",
            "Green finance and ESG reporting courses",
            "Train-the-trainer programmes",
            "Online courses in the five BRICS platform languages",
        ),
        "centre",
    ),
    InstitutionType.INCUBATOR: (
        (
            (
                "{place} Cleantech Accelerator",
                "{place}清洁技术加速器",
                "Акселератор чистых технологий «{place}»",
                "Aceleradora de Tecnologias Limpas de {place}",
                "{place} क्लीनटेक एक्सेलेरेटर",
            ),
            (
                "{place} Green Innovation Hub",
                "{place}绿色创新中心",
                "Центр зелёных инноваций «{place}»",
                "Hub de Inovação Verde de {place}",
                "{place} हरित नवाचार केंद्र",
            ),
        ),
        (
            "Accelerates cleantech start-ups with mentoring, pilot sites, investor introductions "
            "and "
            "seed funding.",
            "通过导师辅导、试点场地、投资人对接和种子资金加速清洁技术初创企业成长。",
            "Помогает стартапам в сфере чистых технологий: наставничество, пилотные площадки, "
            "знакомство с инвесторами и посевное финансирование.",
            "Acelera startups de tecnologias limpas com mentoria, locais para pilotos, contato com "
            "investidores e capital semente.",
            "मार्गदर्शन, पायलट स्थलों, निवेशकों से परिचय और शुरुआती पूँजी के साथ क्लीनटेक स्टार्ट-अप को गति देता है।",
        ),
        (
            "Six-month acceleration programme",
            "Pilot sites at partner utilities and factories",
            "Seed funding and investor days",
            "Mentoring by industry experts",
            "Co-working space and laboratories",
            "Soft-landing support for foreign start-ups",
        ),
        "accelerator",
    ),
    InstitutionType.ASSOCIATION: (
        (
            (
                "{place} Renewable Energy Industry Association",
                "{place}可再生能源行业协会",
                "Ассоциация предприятий возобновляемой энергетики «{place}»",
                "Associação da Indústria de Energia Renovável de {place}",
                "{place} नवीकरणीय ऊर्जा उद्योग संघ",
            ),
            (
                "{place} Energy Efficiency Council",
                "{place}节能协会",
                "Совет по энергоэффективности «{place}»",
                "Conselho de Eficiência Energética de {place}",
                "{place} ऊर्जा दक्षता परिषद",
            ),
        ),
        (
            "Represents manufacturers, developers and service companies, and organises trade "
            "missions between BRICS countries.",
            "代表制造商、开发商和服务企业，组织金砖国家之间的经贸考察活动。",
            "Объединяет производителей, девелоперов и сервисные компании и организует деловые "
            "миссии между странами БРИКС.",
            "Representa fabricantes, desenvolvedores e empresas de serviços e organiza missões "
            "comerciais entre os países do BRICS.",
            "निर्माताओं, डेवलपरों और सेवा कंपनियों का प्रतिनिधित्व करता है और ब्रिक्स देशों के बीच "
            "व्यापार मिशन आयोजित करता है।",
        ),
        (
            "Market intelligence and industry statistics",
            "Policy dialogue with ministries and regulators",
            "Trade missions and matchmaking events",
            "Technical standards working groups",
            "Member directory and export promotion",
            "Annual industry conference",
        ),
        "association",
    ),
    InstitutionType.RESEARCH: (
        (
            (
                "{place} Institute for Low-Carbon Technology",
                "{place}低碳技术研究院",
                "Институт низкоуглеродных технологий «{place}»",
                "Instituto de Tecnologias de Baixo Carbono de {place}",
                "{place} निम्न-कार्बन प्रौद्योगिकी संस्थान",
            ),
            (
                "{place} Clean Energy Research Centre",
                "{place}清洁能源研究中心",
                "Научный центр чистой энергетики «{place}»",
                "Centro de Pesquisa em Energia Limpa de {place}",
                "{place} स्वच्छ ऊर्जा अनुसंधान केंद्र",
            ),
        ),
        (
            "Applied research on low-carbon technologies, with pilot plants and joint laboratories "
            "open to industrial partners.",
            "开展低碳技术应用研究，中试装置和联合实验室向产业伙伴开放。",
            "Прикладные исследования низкоуглеродных технологий; пилотные установки и совместные "
            "лаборатории открыты для промышленных партнёров.",
            "Pesquisa aplicada em tecnologias de baixo carbono, com plantas-piloto e laboratórios "
            "conjuntos abertos a parceiros industriais.",
            "कम-कार्बन प्रौद्योगिकियों पर अनुप्रयुक्त अनुसंधान, औद्योगिक भागीदारों के लिए खुले "
            "पायलट "
            "संयंत्रों और संयुक्त प्रयोगशालाओं के साथ।",
        ),
        (
            "Contract research and pilot testing",
            "Joint laboratories with industry",
            "Techno-economic and life-cycle assessment",
            "Patent licensing and spin-offs",
            "Doctoral and post-doctoral training",
            "Open-access data sets and models",
        ),
        "institute",
    ),
}
INSTITUTION_TAIL = (
    "Serves clients in {n} countries.",
    "服务覆盖{n}个国家。",
    "Число стран присутствия: {n}.",
    "Atende clientes em {n} países.",
    "{n} देशों में ग्राहकों को सेवाएँ देता है।",
)

# English description sentences; slots are filled from the record.
TECH_CONTEXT = (
    "The first commercial unit was commissioned in {year} near {place}, {country}, and has run "
    "without major downtime since.",
    "Developed with {partner}, the solution has been piloted at {k} sites in {country}.",
    "Field data from {k} installations show an average availability above {avail}%.",
    "Local content can exceed {local}% when key components are made in the host country.",
    "The design was validated under the heat, dust and humidity typical of {country}.",
    "A reference installation near {place} is open to visits by prospective partners.",
)
TECH_OFFER = (
    "The provider offers {modes}, together with commissioning support and operator training.",
    "Licensees receive process documentation, design tools and remote monitoring for the first "
    "two years.",
    "The owner is looking for manufacturing partners in BRICS markets to localise production.",
    "Equipment can be delivered within {weeks} weeks of order; spare parts are stocked regionally.",
    "Typical payback is {payback} years at current energy prices.",
    "The main components are certified to the relevant IEC and ISO standards.",
)
TECH_IP = {
    IPStatus.PATENT_GRANTED: "Core inventions are protected by patents granted in {country} and "
    "extended under the PCT.",
    IPStatus.PATENT_PENDING: "Patent applications covering the key process steps are pending.",
    IPStatus.TRADE_SECRET: "Process know-how is held as a trade secret and shared under licence.",
    IPStatus.OPEN: "The designs are published under an open licence to speed up adoption.",
    IPStatus.OTHER: "Intellectual-property terms are agreed case by case.",
}
PROJECT_STAGES = {
    ProjectStage.CONCEPT: "The project is at concept stage: a site has been identified and "
    "preliminary resource data have been collected.",
    ProjectStage.FEASIBILITY: "A feasibility study is under way, covering resources, grid "
    "connection and environmental and social impacts.",
    ProjectStage.FINANCING: "Permits and the feasibility study are complete, and the sponsor is "
    "now closing the financing.",
    ProjectStage.CONSTRUCTION: "Construction started in {year}; commissioning is planned within "
    "{months} months.",
    ProjectStage.OPERATION: "The first phase has operated since {year}, and the sponsor is "
    "seeking partners for an expansion.",
}
PROJECT_CONTEXT = (
    "The authorities in {place} support the project, which is aligned with the national climate "
    "targets of {country}.",
    "Land has been secured under a long-term lease, and the environmental impact assessment has "
    "been {eia}.",
    "Offtake will be secured through a {years}-year agreement with a local utility or industrial "
    "buyer.",
    "About {jobs} jobs will be created during construction and {ojobs} permanent jobs in "
    "operation.",
    "The site has road access and a grid connection point within {km} km.",
)
PROJECT_SEEK = (
    "Partners are invited for {coop}; co-financing from BRICS development banks is welcome.",
    "The sponsor seeks {coop} and is open to a joint venture with an experienced operator.",
)
ENTERPRISE_FACTS = (
    "Its reference list includes more than {refs} installations in {k} countries.",
    "The company holds ISO 9001 and ISO 14001 certificates and runs an in-house R&D centre.",
    "Exports account for about {export}% of revenue, mostly to BRICS markets.",
    "It is looking for {coop} partners to enter new markets.",
    "A local service team guarantees a response within 48 hours.",
    "It has worked with universities in {country} on applied research since {since}.",
)
CAPABILITIES = (
    "Engineering, procurement and construction (EPC)",
    "Operation and maintenance services",
    "Feasibility studies and energy audits",
    "Project finance structuring",
    "Training of operators and technicians",
    "Remote monitoring and performance analytics",
    "After-sales service and spare parts",
    "Research, development and pilot testing",
)
TALENT_FACTS = (
    "Has led {k} projects in {countries}, from feasibility studies to commissioning.",
    "Previously worked with utilities and development banks on {label} programmes.",
    "Author of {papers} peer-reviewed papers and a regular speaker at BRICS energy and industry "
    "forums.",
    "Holds a PhD in {discipline} and teaches a graduate course on {label}.",
    "Mentors early-stage start-ups and has trained more than {trainees} engineers and technicians.",
    "Has evaluated project proposals for national innovation funds and development banks.",
)
INSTITUTION_FACTS = (
    "It has supported more than {k} green projects in {countries}.",
    "Clients range from start-ups to state-owned utilities and industrial groups.",
    "It cooperates with development banks, universities and industry associations across the "
    "BRICS countries.",
    "Services are offered in {languages}.",
)

# Formatting ---------------------------------------------------------------------------------

_CURRENCY_ZH = {
    "USD": "美元",
    "EUR": "欧元",
    "CNY": "元",
    "RUB": "卢布",
    "BRL": "雷亚尔",
    "INR": "卢比",
    "ZAR": "兰特",
    "EGP": "埃及镑",
    "ETB": "比尔",
    "IRR": "伊朗里亚尔",
    "AED": "迪拉姆",
    "IDR": "印尼盾",
    "SAR": "沙特里亚尔",
}
_AND = (" and ", "、", " и ", " e ", " और ")
_COMMA = (", ", "、", ", ", ", ", ", ")


def fmt_int(number, lang):
    text = f"{number:,}"
    if lang == RU:
        return text.replace(",", "\u00a0")
    if lang == PT:
        return text.replace(",", ".")
    return text


def _decimal(value, lang):
    """One decimal at most, with the language's separators."""
    text = f"{value:,.1f}".removesuffix(".0")
    if lang in (RU, PT):
        table = {",": "\u00a0" if lang == RU else ".", ".": ","}
        return "".join(table.get(c, c) for c in text)
    return text


def fmt_money(amount, code, lang):
    """An amount the way a reader of ``lang`` writes it: 1.2 billion, 12亿, 1,2 млрд, 120 करोड़."""
    x = float(amount)
    if lang == ZH:
        unit = _CURRENCY_ZH.get(code, code)
        if x >= 1e8:
            return f"{_decimal(x / 1e8, lang)}亿{unit}"
        return f"{_decimal(x / 1e4, lang)}万{unit}"
    if lang == HI:
        for size, word in ((1e9, "अरब"), (1e7, "करोड़"), (1e5, "लाख")):
            if x >= size:
                return f"{_decimal(x / size, lang)} {word} {code}"
        return f"{fmt_int(int(x), lang)} {code}"
    if lang == RU:
        for size, word in ((1e9, "млрд"), (1e6, "млн")):
            if x >= size:
                return f"{_decimal(x / size, lang)} {word} {code}"
        return f"{fmt_int(int(x), lang)} {code}"
    if lang == PT:
        for size, one, many in ((1e9, "bilhão", "bilhões"), (1e6, "milhão", "milhões")):
            if x >= size:
                return f"{code} {_decimal(x / size, lang)} {one if x < 2 * size else many}"
        return f"{code} {fmt_int(int(x), lang)}"
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if x >= size:
            return f"{code} {_decimal(x / size, lang)} {word}"
    return f"{code} {fmt_int(int(x), lang)}"


def russian_years(n):
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def join_words(words, lang):
    if len(words) < 2:
        return "".join(words)
    if lang == ZH:
        return "、".join(words)
    return _COMMA[lang].join(words[:-1]) + _AND[lang] + words[-1]


def lower_first(text):
    """ "Technology transfer" -> "technology transfer", but "EPC contracting" stays."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def round_significant(value, digits=3):
    if value <= 0:
        return 0
    exponent = int(math.floor(math.log10(value))) - digits + 1
    return int(round(value / 10**exponent) * 10**exponent) if exponent > 0 else round(value)


def sentences(lang, *parts):
    """Sentences joined the way the language does: Chinese puts no space after 。."""
    return ("" if lang == ZH else " ").join(parts)


def clip(text, limit):
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


# Images -------------------------------------------------------------------------------------

IMAGE_COUNT = 12
IMAGE_SIZE = (800, 500)
IMAGE_DIR = "records/demo"

_SKIES = (
    ((74, 144, 196), (214, 234, 240)),
    ((96, 165, 200), (236, 241, 225)),
    ((58, 118, 170), (190, 222, 228)),
    ((120, 178, 205), (245, 236, 214)),
)
_GREENS = (
    ((142, 184, 160), (96, 152, 112), (54, 112, 74), (28, 78, 52)),
    ((160, 196, 176), (112, 168, 120), (70, 132, 82), (36, 94, 58)),
    ((150, 186, 190), (98, 150, 136), (52, 116, 96), (24, 80, 66)),
)


def landscape_jpeg(number):
    """A calm abstract landscape (sky, sun, layered hills, sometimes a lake) as JPEG bytes.

    Drawn from a fixed per-image seed, so every run and every seed reuses the same files.
    """
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(f"landscape-{number}")
    width, height = IMAGE_SIZE
    top, bottom = _SKIES[number % len(_SKIES)]
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(
        Image.new("RGB", (width, height), bottom), Image.new("RGB", (width, height), top), gradient
    )

    glow = Image.new("L", (width, height), 0)
    sun_x, sun_y, radius = rng.randint(120, 680), rng.randint(70, 180), rng.randint(28, 48)
    ImageDraw.Draw(glow).ellipse(
        (sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=200
    )
    glow = glow.filter(ImageFilter.GaussianBlur(radius // 2))
    image = Image.composite(Image.new("RGB", (width, height), (255, 246, 220)), image, glow)

    draw = ImageDraw.Draw(image)
    lake = number % 3 == 0
    if lake:
        water_top = int(height * rng.uniform(0.72, 0.8))
        for y in range(water_top, height):
            shade = (y - water_top) / (height - water_top)
            draw.line(
                [(0, y), (width, y)],
                fill=(int(96 - 40 * shade), int(160 - 40 * shade), int(196 - 30 * shade)),
            )
    palette = _GREENS[number % len(_GREENS)]
    layers = len(palette) - (1 if lake else 0)
    for layer, colour in enumerate(palette[:layers]):
        base = height * (0.45 + 0.12 * layer) + rng.uniform(-15, 15)
        waves = [
            (rng.uniform(0.5, 2.5), rng.uniform(0, math.tau), rng.uniform(8, 38)) for _ in range(3)
        ]
        ridge = [
            (x, base - sum(a * math.sin(f * x / width * math.tau + p) for f, p, a in waves))
            for x in range(0, width + 20, 20)
        ]
        floor = min(height, water_top) if lake else height
        draw.polygon([*ridge, (width, floor), (0, floor)], fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1.2))

    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True, progressive=True)
    return out.getvalue()


def demo_images():
    """Storage names of the demo images, created once and reused by later runs."""
    names = []
    for number in range(1, IMAGE_COUNT + 1):
        name = f"{IMAGE_DIR}/landscape-{number:02d}.jpg"
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(landscape_jpeg(number)))
        names.append(name)
    return names


# Generation ---------------------------------------------------------------------------------

BATCH_SIZE = 2_000
ANALYZE_AFTER = 10_000
# Chance that a record also carries each non-native language.
TRANSLATION_SHARE = 0.25
STATUS_WEIGHTS = (
    (PublicationStatus.PUBLISHED, 90),
    (PublicationStatus.DRAFT, 3),
    (PublicationStatus.PENDING, 4),
    (PublicationStatus.REJECTED, 1.5),
    (PublicationStatus.ARCHIVED, 1.5),
)
TRL_WEIGHTS = (1, 2, 4, 7, 10, 14, 18, 22, 22)
IP_WEIGHTS = (
    (IPStatus.PATENT_GRANTED, 35),
    (IPStatus.PATENT_PENDING, 20),
    (IPStatus.TRADE_SECRET, 20),
    (IPStatus.OPEN, 8),
    (IPStatus.OTHER, 17),
)
STAGE_WEIGHTS = (
    (ProjectStage.CONCEPT, 20),
    (ProjectStage.FEASIBILITY, 25),
    (ProjectStage.FINANCING, 30),
    (ProjectStage.CONSTRUCTION, 15),
    (ProjectStage.OPERATION, 10),
)
SIZE_WEIGHTS = (
    (EnterpriseSize.MICRO, 15),
    (EnterpriseSize.SMALL, 35),
    (EnterpriseSize.MEDIUM, 30),
    (EnterpriseSize.LARGE, 20),
)
SIZE_STAFF = {
    EnterpriseSize.MICRO: (3, 9),
    EnterpriseSize.SMALL: (10, 49),
    EnterpriseSize.MEDIUM: (50, 249),
    EnterpriseSize.LARGE: (250, 12_000),
}
INSTITUTION_WEIGHTS = {
    InstitutionType.FINANCE: 18,
    InstitutionType.CONSULTING: 20,
    InstitutionType.CERTIFICATION: 10,
    InstitutionType.LAW: 8,
    InstitutionType.TRAINING: 12,
    InstitutionType.INCUBATOR: 10,
    InstitutionType.ASSOCIATION: 10,
    InstitutionType.RESEARCH: 12,
}
TRANSFER_MODES = (
    "technology-transfer",
    "licensing",
    "joint-venture",
    "equipment-supply",
    "consulting",
    "training",
    "epc-contracting",
)
# Cooperation a project sponsor asks for, and how often.
SOUGHT_WEIGHTS = {
    "investment": 30,
    "financing": 22,
    "joint-venture": 12,
    "epc-contracting": 10,
    "equipment-supply": 9,
    "technology-transfer": 8,
    "licensing": 3,
    "consulting": 4,
    "training": 2,
}
INVESTMENT_MINIMA = (50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000)


def _weighted(pairs):
    """(values, cumulative weights) for random.choices; choices become their stored value."""
    values, weights = zip(*pairs, strict=True)
    return tuple(getattr(v, "value", v) for v in values), list(_cumulative(weights))


def _cumulative(weights):
    total = 0
    for weight in weights:
        total += weight
        yield total


@dataclass
class Taxonomies:
    """The taxonomy rows that exist, looked up once."""

    countries: dict  # iso2 -> Country, only those with a profile
    sectors: dict  # code -> Sector
    fields: dict  # code -> TechnologyField
    sdgs: dict  # number -> SDG
    cooperation: dict  # code -> CooperationType
    languages: dict  # code -> Language

    @classmethod
    def load(cls, using):
        def by(model, key):
            return {getattr(row, key): row for row in model.objects.using(using).order_by(key)}

        found = cls(
            countries={
                iso2: country for iso2, country in by(Country, "iso2").items() if iso2 in COUNTRIES
            },
            sectors=by(Sector, "code"),
            fields=by(TechnologyField, "code"),
            sdgs=by(SDG, "number"),
            cooperation=by(CooperationType, "code"),
            languages=by(Language, "code"),
        )
        names = {"fields": "technology fields", "sdgs": "SDGs", "cooperation": "cooperation types"}
        empty = [names.get(name, name) for name, rows in vars(found).items() if not rows]
        if empty:
            raise CommandError(
                "No {} in the database: run `manage.py migrate` (migration 0003 loads the "
                "taxonomies) or `manage.py load_taxonomies` first.".format(", ".join(empty))
            )
        return found


class OrmWriter:
    """Inserts with bulk_create, on any database."""

    preassigns_ids = False

    def __init__(self, model, using):
        self.model, self.using = model, using
        self.relations = {}
        for m2m in model._meta.many_to_many:
            self.relations[m2m.name] = (
                m2m.remote_field.through,
                f"{m2m.m2m_field_name()}_id",
                f"{m2m.m2m_reverse_field_name()}_id",
            )

    def insert(self, rows):
        """Saves the rows and returns their ids."""
        objects = [self.model(**values) for values in rows]
        self.model.objects.using(self.using).bulk_create(objects, batch_size=BATCH_SIZE)
        return [obj.pk for obj in objects]

    def link(self, links):
        """Saves many-to-many rows given as {relation: [(record id, target id), ...]}."""
        for relation, pairs in links.items():
            through, source, target = self.relations[relation]
            through.objects.using(self.using).bulk_create(
                [through(**{source: pk, target: target_pk}) for pk, target_pk in pairs],
                batch_size=BATCH_SIZE * 2,
            )

    def finish(self, written):
        pass


class CopyWriter(OrmWriter):
    """PostgreSQL COPY, several times faster than bulk_create at 100,000 records.

    Ids are taken from the table's sequence before writing, so the many-to-many rows are known
    up front and a batch can be written on another connection. Values are the ones bulk_create
    would store: the base column of a translated field holds the English text (what the ORM
    writes with English active), a missing column its field default. The database trigger
    fills search_vector.
    """

    preassigns_ids = True

    def __init__(self, model, using):
        from modeltranslation.translator import translator

        super().__init__(model, using)
        translated = translator.get_options_for_model(model).all_fields
        now = timezone.now()
        self.columns = []
        self.sources = []  # (key in the values, key of the English text or None, default)
        for f in model._meta.concrete_fields:
            if isinstance(f, SearchVectorField):
                continue
            self.columns.append(f.column)
            english = build_localized_fieldname(f.name, "en") if f.name in translated else None
            default = now if getattr(f, "auto_now", False) else f.get_default()
            self.sources.append((f.attname, english, default))
        self.table = model._meta.db_table

    def assign_ids(self, rows):
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [self.table, len(rows)],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        for pk, values in zip(ids, rows, strict=True):
            values["id"] = pk
        return ids

    def store(self, rows, links):
        """Writes a batch whose ids are assigned, with its many-to-many rows, in a transaction."""
        with transaction.atomic(using=self.using):
            self.insert(rows)
            self.link(links)

    def insert(self, rows):
        with self.copy(self.table, self.columns) as copy:
            for values in rows:
                copy.write_row(
                    [
                        values[key]
                        if key in values
                        else (values.get(english) or "" if english else default)
                        for key, english, default in self.sources
                    ]
                )
        return [values["id"] for values in rows]

    def link(self, links):
        for relation, pairs in links.items():
            through, source, target = self.relations[relation]
            with self.copy(through._meta.db_table, [source, target]) as copy:
                for pair in pairs:
                    copy.write_row(pair)

    @contextmanager
    def copy(self, table, columns):
        connection = connections[self.using]
        name = connection.ops.quote_name
        sql = f"COPY {name(table)} ({', '.join(name(c) for c in columns)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            yield copy

    @staticmethod
    def tune_session(connection):
        """Settings of a connection that writes many batches.

        A larger GIN pending list (with the memory to merge it) makes the search index take
        new rows in bulk: about a quarter less work per row than the 4 MB default. Demo data
        needs no synchronous commit: a crash can lose the last batches, never corrupt.
        """
        with connection.cursor() as cursor:
            cursor.execute("SET gin_pending_list_limit = '64MB'")
            cursor.execute("SET work_mem = '64MB'")
            cursor.execute("SET synchronous_commit = off")

    def finish(self, written):
        connection = connections[self.using]
        name = connection.ops.quote_name
        tables = [self.table, *(through._meta.db_table for through, *_ in self.relations.values())]
        with connection.cursor() as cursor:
            # Merge what the writers left in the GIN pending list, which every search would
            # otherwise scan row by row.
            cursor.execute(
                "SELECT gin_clean_pending_list(c.oid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
                [name(self.table)],
            )
            # After a large load, do now what autovacuum would do later: fresh planner
            # statistics, and pages marked all-visible, which turns the COUNT(*) of a list page
            # into an index-only scan (96 ms -> 17 ms at 100,000 records). VACUUM cannot run
            # inside a transaction.
            if written >= ANALYZE_AFTER:
                command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
                for table in tables:
                    cursor.execute(f"{command} {name(table)}")


def analyze_taxonomies(using):
    """Statistics for the taxonomy tables, which the planner also needs for the list filters.

    Loaded by a migration, they may never have been analyzed; without statistics PostgreSQL
    guessed one BRICS member country instead of eleven and picked a plan 200 times slower
    for ?brics=member&sector=... at 100,000 records.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (Country, Sector, TechnologyField, SDG, CooperationType, Language):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def writer_class(using):
    return CopyWriter if connections[using].vendor == "postgresql" else OrmWriter


class BatchWriters:
    """Threads with their own database connections that store batches while the main thread
    composes the next ones: the search trigger and index updates of PostgreSQL dominate a large
    load, and this lets them use every core."""

    def __init__(self, using, workers=2, setup=None):
        self.using = using
        self.setup = setup
        self.tasks = queue.Queue(maxsize=workers * 2)
        self.errors = []
        self.threads = [threading.Thread(target=self.work, daemon=True) for _ in range(workers)]
        for thread in self.threads:
            thread.start()

    def work(self):
        # Every task is taken off the queue even after a failure, so that the main thread,
        # which re-raises the first error, never waits for a queue nobody empties.
        setup = self.setup
        try:
            while (task := self.tasks.get()) is not None:
                try:
                    if not self.errors:
                        if setup is not None:
                            setup(connections[self.using])
                            setup = None
                        task()
                except Exception as error:
                    self.errors.append(error)
                finally:
                    self.tasks.task_done()
        finally:
            self.tasks.task_done()
            connections[self.using].close()

    def submit(self, task):
        self.raise_errors()
        self.tasks.put(task)

    def wait(self):
        """Returns when every submitted batch is stored (and committed)."""
        self.tasks.join()
        self.raise_errors()

    def raise_errors(self):
        if self.errors:
            raise self.errors[0]

    def close(self):
        for _thread in self.threads:
            self.tasks.put(None)
        for thread in self.threads:
            thread.join()


@dataclass
class Pools:
    """Records created earlier in the run that later databases point to."""

    enterprises: list = field(default_factory=list)  # (id, English title)
    enterprises_by_topic: dict = field(default_factory=dict)
    enterprises_by_topic_country: dict = field(default_factory=dict)
    technologies_by_topic: dict = field(default_factory=dict)


class DemoSeeder:
    def __init__(self, per_database, seed, images=True, stdout=None, using="default"):
        # A count for every database, or {database key: count} (missing keys get none).
        self.counts = (
            dict(per_database)
            if isinstance(per_database, dict)
            else dict.fromkeys(DATABASE_KEYS, per_database)
        )
        self.seed = seed
        self.rng = random.Random(seed)
        self.images = images
        self.stdout = stdout
        self.using = using
        self.now = timezone.now()
        self.pools = Pools()
        self.writers = None  # BatchWriters while run() writes in parallel

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # Setup ----------------------------------------------------------------------------------

    def prepare(self):
        self.tax = Taxonomies.load(self.using)
        rng = self.rng
        self.country_codes, self.country_weights = _weighted(
            (iso2, COUNTRIES[iso2].weight) for iso2 in self.tax.countries
        )
        self.brics_codes = [
            iso2 for iso2, country in self.tax.countries.items() if country.brics_status != "other"
        ] or list(self.tax.countries)
        # Per country: the topics of its technologies, and of its projects, which may need a
        # coastal site.
        self.topics_for = {}
        for iso2 in self.tax.countries:
            has_coast = any(place.coastal for place in COUNTRIES[iso2].places)
            weights = [(topic, 4 if iso2 in topic.favoured else 1) for topic in TOPICS]
            self.topics_for[iso2] = (
                _weighted(weights),
                _weighted([(t, w) for t, w in weights if has_coast or not t.coastal]),
            )
        all_sector_ids = [sector.pk for sector in self.tax.sectors.values()]
        self.topic_sectors = {
            topic.key: [self.tax.sectors[c].pk for c in topic.sectors if c in self.tax.sectors]
            or [rng.choice(all_sector_ids)]
            for topic in TOPICS
        }
        self.topic_fields = {
            topic.key: [self.tax.fields[c].pk for c in topic.fields if c in self.tax.fields]
            for topic in TOPICS
        }
        self.topic_sdgs = {
            topic.key: [self.tax.sdgs[n].pk for n in topic.sdgs if n in self.tax.sdgs]
            for topic in TOPICS
        }
        self.cooperation_names = {
            code: self._translations(row, "name") for code, row in self.tax.cooperation.items()
        }
        self.country_names = {
            iso2: self._running_text(self._translations(row, "name"))
            for iso2, row in self.tax.countries.items()
        }
        self.transfer_modes = [c for c in TRANSFER_MODES if c in self.tax.cooperation] or list(
            self.tax.cooperation
        )
        self.sought, self.sought_weights = _weighted(
            (code, SOUGHT_WEIGHTS.get(code, 2)) for code in self.tax.cooperation
        )
        self.statuses, self.status_weights = _weighted(STATUS_WEIGHTS)
        self.ip_values, self.ip_weights = _weighted(IP_WEIGHTS)
        self.stages, self.stage_weights = _weighted(STAGE_WEIGHTS)
        self.sizes, self.size_weights = _weighted(SIZE_WEIGHTS)
        self.trl_weights = list(_cumulative(TRL_WEIGHTS))
        self.institution_types, self.institution_weights = _weighted(INSTITUTION_WEIGHTS.items())
        self.rates = currency.rates()
        self.image_names = demo_images() if self.images else []

    @staticmethod
    def _running_text(names):
        """English country names as used in a sentence: "in the United Arab Emirates"."""
        english = names[EN]
        if english.startswith("United "):
            english = f"the {english}"
        return (english, *names[1:])

    @staticmethod
    def _translations(row, name):
        english = getattr(row, build_localized_fieldname(name, "en")) or getattr(row, name)
        return tuple(
            getattr(row, build_localized_fieldname(name, code), None) or english
            for code in LANGUAGES
        )

    # Shared pieces --------------------------------------------------------------------------

    def pick_country(self):
        iso2 = self.rng.choices(self.country_codes, cum_weights=self.country_weights)[0]
        return iso2, COUNTRIES[iso2]

    def pick_topic(self, iso2, for_project=False):
        topics, weights = self.topics_for[iso2][1 if for_project else 0]
        return self.rng.choices(topics, cum_weights=weights)[0]

    def pick_place(self, profile, coastal=False):
        places = [p for p in profile.places if p.coastal] if coastal else profile.places
        return self.rng.choice(places)

    def languages(self, profile):
        """The site languages a record is written in: English, the country's own, some more."""
        chosen = {EN}
        if profile.native is not None:
            chosen.add(profile.native)
        chosen.update(lang for lang in (ZH, RU, PT, HI) if self.rng.random() < TRANSLATION_SHARE)
        return chosen

    def publication(self):
        """(status, created_at, published_at) spread over the last two years."""
        rng = self.rng
        status = rng.choices(self.statuses, cum_weights=self.status_weights)[0]
        created = self.now - timedelta(days=rng.uniform(3, 760), seconds=rng.randint(0, 86_399))
        published = None
        if status in (PublicationStatus.PUBLISHED, PublicationStatus.ARCHIVED):
            published = min(self.now, created + timedelta(days=rng.uniform(0.5, 30)))
        return status, created, published

    def common(self, title, status_dates, iso2, translated, image=True):
        """Fields every record has; ``translated`` maps field -> {language: text}."""
        status, created, published = status_dates
        values = {
            "slug": self.slugs(title),
            "country_id": self.tax.countries[iso2].pk,
            "status": status,
            "created_at": created,
            "published_at": published,
        }
        if image and self.image_names and self.rng.random() < 0.85:
            values["image"] = self.rng.choice(self.image_names)
        for name, texts in translated.items():
            for lang, code in enumerate(LANGUAGES):
                values[build_localized_fieldname(name, code)] = texts.get(lang)
        return values

    def sample(self, population, low, high):
        return self.rng.sample(population, min(len(population), self.rng.randint(low, high)))

    def cooperation_list(self, codes, lang):
        words = [self.cooperation_names[code][lang] for code in codes]
        if lang in (EN, RU, PT):
            words = [lower_first(word) for word in words]
        return join_words(words, lang)

    def co2(self, low, high):
        value = math.exp(self.rng.uniform(math.log(low), math.log(high)))
        return Decimal(round_significant(value, 2) if value >= 10 else round(value, 1))

    # Writing --------------------------------------------------------------------------------

    def write(self, model, label, build, remember=None):
        """Build and insert ``per_database`` records of ``model`` with their many-to-many rows.

        ``build(i)`` returns (column values, {relation: [target ids]}, extra); ``remember``
        receives (id, values, extra) of each record, to refer to it from later databases.
        """
        started = time.perf_counter()
        self.slugs = SlugAllocator(model, self.using)
        writer = writer_class(self.using)(model, self.using)
        total, done, m2m_rows = self.counts.get(label, 0), 0, 0
        report_every = max(BATCH_SIZE, total // 10)
        # With writer threads each batch commits on its own; otherwise the whole database does.
        with nullcontext() if self.writers else transaction.atomic(using=self.using):
            while done < total:
                items = [build(i) for i in range(done, min(total, done + BATCH_SIZE))]
                rows = [values for values, _links, _extra in items]
                ids = writer.assign_ids(rows) if writer.preassigns_ids else writer.insert(rows)
                links = {
                    relation: [
                        (pk, target)
                        for pk, (_values, record_links, _extra) in zip(ids, items, strict=True)
                        for target in record_links.get(relation, ())
                    ]
                    for relation in writer.relations
                }
                m2m_rows += sum(len(pairs) for pairs in links.values())
                if not writer.preassigns_ids:
                    writer.link(links)
                elif self.writers:
                    self.writers.submit(partial(writer.store, rows, links))
                else:
                    writer.store(rows, links)
                if remember is not None:
                    remember(
                        [
                            (pk, values, extra)
                            for pk, (values, _links, extra) in zip(ids, items, strict=True)
                        ]
                    )
                previous, done = done, done + len(items)
                if done == total or done // report_every != previous // report_every:
                    self.log(f"  {label}: {done:,}/{total:,}")
            if self.writers:
                self.writers.wait()
        writer.finish(total)
        elapsed = time.perf_counter() - started
        self.log(
            f"{label}: {total:,} records and {m2m_rows:,} many-to-many rows in {elapsed:.2f} s "
            f"({total / elapsed if elapsed else 0:,.0f} records/s)"
        )
        return elapsed

    def run(self):
        started = time.perf_counter()
        # Other connections cannot see into an open transaction (a test's, for instance).
        parallel = (
            writer_class(self.using).preassigns_ids and not connections[self.using].in_atomic_block
        )
        self.writers = BatchWriters(self.using, setup=CopyWriter.tune_session) if parallel else None
        try:
            with translation.override("en"):
                self.prepare()
                counts = ", ".join(f"{key} {count:,}" for key, count in self.counts.items())
                self.log(f"Seeding {counts} (seed {self.seed}).")
                timings = {
                    "enterprises": self.write(
                        Enterprise, "enterprises", self.build_enterprise, self.remember_enterprises
                    ),
                    "technologies": self.write(
                        Technology,
                        "technologies",
                        self.build_technology,
                        self.remember_technologies,
                    ),
                    "projects": self.write(Project, "projects", self.build_project),
                    "talents": self.write(Talent, "talents", self.build_talent),
                    "institutions": self.write(
                        ServiceInstitution, "institutions", self.build_institution
                    ),
                }
            if max(self.counts.values(), default=0) >= ANALYZE_AFTER:
                analyze_taxonomies(self.using)
        finally:
            if self.writers:
                self.writers.close()
        self.log(f"Total: {time.perf_counter() - started:.1f} s.")
        return timings

    def remember_enterprises(self, saved):
        pools = self.pools
        for pk, values, (topic, iso2) in saved:
            entry = (pk, values["title_en"])
            pools.enterprises.append(entry)
            pools.enterprises_by_topic.setdefault(topic, []).append(entry)
            pools.enterprises_by_topic_country.setdefault((topic, iso2), []).append(entry)

    def remember_technologies(self, saved):
        for pk, _values, topic in saved:
            self.pools.technologies_by_topic.setdefault(topic, []).append(pk)

    def pick_enterprise(self, topic, iso2):
        """(id, English title) of an enterprise in the same field, preferably the same country."""
        rng, pools = self.rng, self.pools
        for candidates, chance in (
            (pools.enterprises_by_topic_country.get((topic.key, iso2)), 0.6),
            (pools.enterprises_by_topic.get(topic.key), 0.9),
            (pools.enterprises, 1),
        ):
            if candidates and rng.random() < chance:
                return rng.choice(candidates)
        return None

    # The five databases ---------------------------------------------------------------------

    def company_name(self, iso2, profile, topic):
        """An English (or native Latin) company name and its native-script form, if any."""
        rng = self.rng
        en_word, zh_word, ru_latin, ru_cyrillic, pt_word, hi_word = INDUSTRIES[topic.industry]
        if iso2 == "CN":
            province, brand = rng.choice(CN_PROVINCES), rng.choice(BRANDS["CN"])
            return (
                f"{province[0]} {brand[0]} {en_word} Co., Ltd.",
                {ZH: f"{province[1]}{brand[1]}{zh_word}有限公司"},
            )
        if iso2 == "RU":
            brand = rng.choice(BRANDS["RU"])
            en_form, ru_form = rng.choice((("LLC", "ООО"), ("JSC", "АО")))
            return (
                f"{brand[0]}{ru_latin} {en_form}",
                {RU: f"{ru_form} «{brand[1]}{ru_cyrillic}»"},
            )
        if iso2 == "IN":
            brand = rng.choice(BRANDS["IN"])
            return (
                f"{brand[0]} {en_word} Pvt. Ltd.",
                {HI: f"{brand[1]} {hi_word} प्राइवेट लिमिटेड"},
            )
        if iso2 == "BR":
            name = f"{rng.choice(BRANDS['BR'])[0]} {pt_word} {rng.choice(('Ltda.', 'S.A.'))}"
            return name, {PT: name}
        return profile.legal.format(name=f"{rng.choice(GENERIC_BRANDS)} {en_word}"), {}

    def build_enterprise(self, _index):
        rng = self.rng
        iso2, profile = self.pick_country()
        topic = self.pick_topic(iso2)
        langs = self.languages(profile)
        place = self.pick_place(profile)
        country = self.country_names[iso2]
        title, native_titles = self.company_name(iso2, profile, topic)
        size = rng.choices(self.sizes, cum_weights=self.size_weights)[0]
        founded = max(1950, self.now.year - 1 - int(rng.expovariate(1 / 14)))
        offered = self.sample(self.transfer_modes, 1, 3)
        summary_template = rng.choice(ENTERPRISE_SUMMARIES)
        summaries = {
            lang: clip(
                sentences(
                    lang,
                    summary_template[lang].format(products=topic.products[lang]),
                    ENTERPRISE_TAIL[lang].format(
                        year=founded,
                        place=place.names[lang],
                        coop=self.cooperation_list(offered, lang),
                    ),
                ),
                500,
            )
            for lang in langs
        }
        facts = " ".join(
            fact.format(
                refs=fmt_int(rng.randrange(20, 2_000, 10), EN),
                k=rng.randint(2, 18),
                export=rng.randrange(10, 75, 5),
                coop=self.cooperation_list(offered, EN),
                country=country[EN],
                since=rng.randint(max(founded, 1995), self.now.year - 1),
            )
            for fact in rng.sample(ENTERPRISE_FACTS, 2)
        )
        description = (
            f"Founded in {founded} and based in {place.names[EN]}, {country[EN]}, the company "
            f"employs about {fmt_int(rng.randint(*SIZE_STAFF[size]), EN)} people. Its main "
            f"business is {topic.products[EN]}, from design and manufacturing to installation "
            f"and after-sales service. {rng.choice(topic.details)}\n\n{facts}"
        )
        capabilities = "\n".join(
            [f"Design and manufacture of {topic.products[EN]}", *rng.sample(CAPABILITIES, 3)]
        )
        values = self.common(
            title,
            self.publication(),
            iso2,
            {
                "title": {EN: title, **native_titles},
                "summary": summaries,
                "description": {EN: description},
                "capabilities": {EN: capabilities},
            },
        )
        if rng.random() < 0.55:
            minimum = rng.choice(INVESTMENT_MINIMA)
            values["investment_min_usd"] = Decimal(minimum)
            values["investment_max_usd"] = Decimal(minimum * rng.choice((2, 4, 5, 10, 20, 50)))
        if rng.random() < 0.75:
            values["website"] = f"https://www.{slugify(title)[:40].strip('-')}.example.com"
        sectors = self.topic_sectors[topic.key]
        all_sectors = [s.pk for s in self.tax.sectors.values()]
        interest = set(sectors[:1]) | set(self.sample(all_sectors, 0, 2))
        links = {
            "sectors": sectors[: rng.randint(1, len(sectors))],
            "cooperation_offered": [self.tax.cooperation[c].pk for c in offered],
            "interest_sectors": sorted(interest),
            "interest_countries": [
                self.tax.countries[c].pk for c in self.sample(self.brics_codes, 1, 4)
            ],
            "interest_cooperation": [
                self.tax.cooperation[c].pk for c in self.sample(list(self.tax.cooperation), 1, 3)
            ],
        }
        values.update(size=size, founded=founded, verified=rng.random() < 0.35)
        return values, links, (topic.key, iso2)

    def build_technology(self, _index):
        rng = self.rng
        iso2, profile = self.pick_country()
        topic = self.pick_topic(iso2)
        langs = self.languages(profile)
        country = self.country_names[iso2]
        name = rng.choice(topic.names)
        app = rng.choice(topic.apps) if topic.apps and rng.random() < 0.8 else None
        titles = {
            lang: TECH_TITLE[lang].format(name=name[lang], app=app[lang]) if app else name[lang]
            for lang in langs
        }
        trl = rng.choices(range(1, 10), cum_weights=self.trl_weights)[0]
        ip_status = rng.choices(self.ip_values, cum_weights=self.ip_weights)[0]
        co2 = self.co2(*topic.tech_co2) if rng.random() < 0.9 else None
        modes = self.sample(self.transfer_modes, 1, 3)
        pitch = rng.choice(topic.pitches)
        tail = TECH_TAILS[0] if co2 is not None and rng.random() < 0.6 else TECH_TAILS[1]
        summaries = {
            lang: clip(
                sentences(
                    lang,
                    pitch[lang],
                    tail[lang].format(
                        trl=trl,
                        co2=_decimal(float(co2 or 0), lang),
                        modes=self.cooperation_list(modes, lang),
                    ),
                ),
                500,
            )
            for lang in langs
        }
        place = self.pick_place(profile)
        partner = rng.choice(
            (
                f"{place.names[EN]} University of Technology",
                "a national research institute",
                "a state-owned utility",
                "two industrial customers",
            )
        )
        context = rng.choice(TECH_CONTEXT).format(
            year=rng.randint(2012, self.now.year - 1),
            place=place.names[EN],
            country=country[EN],
            partner=partner,
            k=rng.randint(3, 40),
            avail=rng.choice((95, 96, 97, 98, 99)),
            local=rng.randrange(40, 85, 5),
        )
        offer = rng.choice(TECH_OFFER).format(
            modes=self.cooperation_list(modes, EN),
            weeks=rng.randrange(6, 30, 2),
            payback=rng.choice(("two", "three", "four", "five", "six")),
        )
        description = (
            " ".join(
                [*rng.sample(topic.details, 2), TECH_IP[ip_status].format(country=country[EN])]
            )
            + f"\n\n{context} {offer}"
        )
        values = self.common(
            titles[EN],
            self.publication(),
            iso2,
            {"title": titles, "summary": summaries, "description": {EN: description}},
        )
        provider = self.pick_enterprise(topic, iso2) if rng.random() < 0.9 else None
        sectors = self.topic_sectors[topic.key]
        fields = self.topic_fields[topic.key]
        links = {
            "sectors": sectors[: rng.randint(1, len(sectors))],
            "technology_fields": fields[: rng.randint(1, len(fields))] if fields else [],
            "transfer_modes": [self.tax.cooperation[c].pk for c in modes],
        }
        values.update(
            trl=trl,
            ip_status=ip_status,
            co2_reduction=co2,
            provider_id=provider[0] if provider else None,
        )
        return values, links, topic.key

    def build_project(self, _index):
        rng = self.rng
        iso2, profile = self.pick_country()
        topic = self.pick_topic(iso2, for_project=True)
        langs = self.languages(profile)
        country = self.country_names[iso2]
        place = self.pick_place(profile, coastal=topic.coastal)
        kind = rng.choice(topic.projects)
        size = rng.randrange(kind.low, kind.high + 1, kind.step)
        titles = {
            lang: kind.title[lang].format(n=fmt_int(size, lang), place=place.names[lang])
            for lang in langs
        }
        code = profile.currency
        if code != "USD" and rng.random() < 0.2:
            code = "USD"
        usd = size * kind.usd_per_unit * rng.uniform(0.7, 1.3)
        amount = round_significant(usd / float(self.rates[code]))
        # Keep within the column (14 integer digits): huge sums in weak currencies go in USD.
        if amount >= 10**13:
            code, amount = "USD", round_significant(usd)
        amount = Decimal(amount)
        co2 = Decimal(round_significant(size * kind.co2_per_unit * rng.uniform(0.8, 1.2)))
        stage = rng.choices(self.stages, cum_weights=self.stage_weights)[0]
        sought = []
        for _ in range(rng.randint(1, 3)):
            code_sought = rng.choices(self.sought, cum_weights=self.sought_weights)[0]
            if code_sought not in sought:
                sought.append(code_sought)
        summaries = {
            lang: clip(
                sentences(
                    lang,
                    PROJECT_SUMMARY[lang].format(
                        products=topic.products[lang],
                        place=place.names[lang],
                        country=country[lang],
                        money=fmt_money(amount, code, lang),
                    ),
                    PROJECT_TAIL[lang].format(
                        co2=fmt_int(int(co2), lang), coop=self.cooperation_list(sought, lang)
                    ),
                ),
                500,
            )
            for lang in langs
        }
        locations = {
            lang: f"{country[lang]}{place.names[lang]}"
            if lang == ZH
            else f"{place.names[lang]}, {country[lang]}"
            for lang in langs
        }
        enterprise = self.pick_enterprise(topic, iso2) if rng.random() < 0.85 else None
        year = rng.randint(self.now.year - 6, self.now.year - 1)
        context = [
            PROJECT_STAGES[stage].format(year=year, months=rng.randrange(6, 30, 3)),
            *(
                sentence.format(
                    place=place.names[EN],
                    country=country[EN],
                    eia=rng.choice(("approved", "submitted")),
                    years=rng.choice((10, 15, 20, 25)),
                    jobs=fmt_int(rng.randrange(80, 2_500, 10), EN),
                    ojobs=rng.randrange(10, 300, 5),
                    km=rng.randint(2, 40),
                )
                for sentence in rng.sample(PROJECT_CONTEXT, 2)
            ),
        ]
        if enterprise:
            context.append(
                f"The sponsor, {enterprise[1]}, has delivered similar projects in {country[EN]} "
                "and neighbouring markets."
            )
        seek = rng.choice(PROJECT_SEEK).format(coop=self.cooperation_list(sought, EN))
        description = (
            " ".join(context)
            + f"\n\n{rng.choice(topic.pitches)[EN]} {rng.choice(topic.details)} {seek}"
        )
        values = self.common(
            titles[EN],
            self.publication(),
            iso2,
            {
                "title": titles,
                "summary": summaries,
                "description": {EN: description},
                "location": locations,
            },
        )
        sectors = self.topic_sectors[topic.key]
        sdgs = self.topic_sdgs[topic.key]
        sdg_ids = set(sdgs[: rng.randint(1, len(sdgs))]) if sdgs else set()
        if 17 in self.tax.sdgs and rng.random() < 0.3:
            sdg_ids.add(self.tax.sdgs[17].pk)
        technologies = self.pools.technologies_by_topic.get(topic.key, [])
        links = {
            "sectors": sectors[: rng.randint(1, len(sectors))],
            "cooperation_types": [self.tax.cooperation[c].pk for c in sought],
            "sdgs": sorted(sdg_ids),
            "technologies": self.sample(technologies, 1, 3) if rng.random() < 0.7 else [],
        }
        values.update(
            stage=stage,
            investment_amount=amount,
            investment_currency=code,
            investment_usd=currency.to_usd(amount, code),
            co2_reduction=co2,
            enterprise_id=enterprise[0] if enterprise else None,
        )
        return values, links, None

    def person(self, profile):
        """(English name, native-script name or None, is a woman)."""
        rng = self.rng
        female = rng.random() < 0.45
        given = rng.choice(profile.female if female else profile.male)
        surname_latin, surname_native = rng.choice(profile.surnames)
        if female and profile.female_suffix:
            surname_latin += profile.female_suffix[0]
            if surname_native:
                surname_native += profile.female_suffix[1]
        if profile.surname_first:
            english = f"{surname_latin} {given[0]}"
            native = f"{surname_native}{given[1]}" if surname_native and given[1] else None
        else:
            english = f"{given[0]} {surname_latin}"
            native = f"{given[1]} {surname_native}" if surname_native and given[1] else None
        return english, native, female

    def build_talent(self, _index):
        rng = self.rng
        iso2, profile = self.pick_country()
        topic = self.pick_topic(iso2)
        langs = self.languages(profile)
        name, native_name, female = self.person(profile)
        titles = {EN: name}
        if profile.native is not None and (native_name or profile.native == PT):
            titles[profile.native] = native_name or name
        role = rng.choice(ROLES)
        role_text = (role[0], role[1], role[2], role[4] if female else role[3], role[5])
        years = rng.randint(3, 38)
        available = {
            "consulting": rng.random() < 0.65,
            "training": rng.random() < 0.45,
            "mentoring": rng.random() < 0.4,
        }
        if not any(available.values()) and rng.random() < 0.8:
            available["consulting"] = True
        kinds = [kind for kind, yes in available.items() if yes]
        summary_template = TALENT_SUMMARY if kinds else TALENT_SUMMARY_UNAVAILABLE
        summaries = {
            lang: summary_template[lang].format(
                years=years,
                years_ru=russian_years(years),
                label=topic.label[lang],
                available=join_words([AVAILABILITY[kind][lang] for kind in kinds], lang),
            )
            for lang in langs
        }
        headlines = {
            lang: HEADLINE[lang].format(role=role_text[lang], label=topic.label[lang])
            for lang in langs
        }
        place = self.pick_place(profile)
        employer = self.pick_enterprise(topic, iso2) if rng.random() < 0.45 else None
        organisation = (
            employer[1]
            if employer
            else rng.choice(ACADEMIC_ORGANISATIONS).format(place=place.names[EN])
        )
        language_codes = [code for code in profile.languages if code in self.tax.languages]
        if "en" not in language_codes and rng.random() < 0.85:
            language_codes.append("en")
        extra = rng.choice(("en", "zh", "ru", "pt", "es", "fr"))
        if rng.random() < 0.2 and extra in self.tax.languages and extra not in language_codes:
            language_codes.append(extra)
        served = [self.country_names[c][EN] for c in self.sample(self.brics_codes, 2, 4)]
        facts = " ".join(
            fact.format(
                k=rng.randint(4, 60),
                countries=join_words(served, EN),
                label=topic.label[EN],
                papers=rng.randint(8, 120),
                discipline=rng.choice(DISCIPLINES),
                trainees=fmt_int(rng.randrange(50, 2_000, 50), EN),
            )
            for fact in rng.sample(TALENT_FACTS, 2)
        )
        role_en = lower_first(role[0])
        article = "an" if role_en[0] in "aeiou" else "a"
        language_names = join_words(
            [self.tax.languages[code].name_en or code for code in language_codes], EN
        )
        description = (
            f"{name} is {article} {role_en} at {organisation} with {years} years of experience "
            f"in {topic.label[EN]}. {facts}"
            + (f"\n\nWorking languages: {language_names}." if language_codes else "")
        )
        values = self.common(
            name,
            self.publication(),
            iso2,
            {
                "title": titles,
                "summary": summaries,
                "description": {EN: description},
                "headline": headlines,
            },
            # A landscape would pass for a portrait on an expert's card.
            image=False,
        )
        consent = rng.random() < 0.4
        if consent:
            domain = f"{slugify(organisation)[:30].strip('-')}.example.org"
            values["email"] = f"{slugify(name).replace('-', '.')}@{domain}"
            values["phone"] = (
                f"{profile.phone} {rng.randint(10, 99)} {rng.randint(100, 999)} "
                f"{rng.randint(1000, 9999)}"
            )
        if rng.random() < 0.15:
            values["website"] = f"https://{slugify(name)}.example.org"
        fields = list(self.topic_fields[topic.key])
        if rng.random() < 0.25:
            other = rng.choice(list(self.tax.fields.values())).pk
            if other not in fields:
                fields.append(other)
        sectors = self.topic_sectors[topic.key]
        links = {
            "sectors": sectors[: rng.randint(1, min(2, len(sectors)))],
            "technology_fields": fields,
            "languages": [self.tax.languages[code].pk for code in language_codes],
        }
        values.update(
            organisation=organisation,
            experience_years=years,
            available_consulting=available["consulting"],
            available_training=available["training"],
            available_mentoring=available["mentoring"],
            contact_consent=consent,
        )
        return values, links, None

    def build_institution(self, _index):
        rng = self.rng
        iso2, profile = self.pick_country()
        langs = self.languages(profile)
        country = self.country_names[iso2]
        kind = rng.choices(self.institution_types, cum_weights=self.institution_weights)[0]
        title_templates, summary_template, services, noun = INSTITUTIONS[kind]
        place = self.pick_place(profile)
        title_template = rng.choice(title_templates)
        titles = {lang: title_template[lang].format(place=place.names[lang]) for lang in langs}
        others = [c for c in self.brics_codes if c != iso2]
        served = [iso2, *self.sample(others, 1, 6)]
        summaries = {
            lang: sentences(
                lang,
                summary_template[lang].format(country=country[lang]),
                INSTITUTION_TAIL[lang].format(n=len(served)),
            )
            for lang in langs
        }
        language_names = join_words(
            [
                self.tax.languages[code].name_en or code
                for code in profile.languages
                if code in self.tax.languages
            ]
            or ["English"],
            EN,
        )
        facts = " ".join(
            fact.format(
                k=rng.randrange(20, 900, 10),
                countries=join_words([self.country_names[c][EN] for c in served[:4]], EN),
                languages=language_names,
            )
            for fact in rng.sample(INSTITUTION_FACTS, 2)
        )
        description = (
            f"Established in {rng.randint(1985, self.now.year - 2)}, the {noun} has a team of "
            f"{rng.randint(6, 400)} specialists in {place.names[EN]}, {country[EN]}. {facts}"
        )
        values = self.common(
            titles[EN],
            self.publication(),
            iso2,
            {
                "title": titles,
                "summary": summaries,
                "description": {EN: description},
                "services": {EN: "\n".join(rng.sample(services, rng.randint(3, 5)))},
            },
        )
        domain = f"{slugify(titles[EN])[:50].strip('-')}.example.org"
        values["website"] = f"https://www.{domain}"
        if rng.random() < 0.7:
            values["email"] = f"info@{domain}"
        if kind in (
            InstitutionType.FINANCE,
            InstitutionType.CONSULTING,
            InstitutionType.LAW,
            InstitutionType.ASSOCIATION,
        ):
            sectors = self.sample([s.pk for s in self.tax.sectors.values()], 2, 4)
        else:
            topic_sectors = self.topic_sectors[self.pick_topic(iso2).key]
            sectors = topic_sectors[: rng.randint(1, len(topic_sectors))]
        links = {
            "sectors": sectors,
            "countries_served": [self.tax.countries[c].pk for c in served],
        }
        values["institution_type"] = kind
        return values, links, None


def clear(using="default"):
    """Delete every record of the five databases (and, on PostgreSQL, rows that refer to them)."""
    models = (Project, Technology, Talent, ServiceInstitution, Enterprise)
    connection = connections[using]
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                # Deferred foreign-key checks of rows written earlier in the same transaction
                # would otherwise forbid the TRUNCATE.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {tables} CASCADE")
        return
    with transaction.atomic(using=using):
        for model in models:
            model.objects.using(using).all().delete()


DATABASE_KEYS = ("enterprises", "technologies", "projects", "talents", "institutions")


def seed(per_database, seed=None, images=True, clear_first=False, stdout=None, using="default"):
    """Add ``per_database`` demo records to each database (or, given {key: count}, that many
    to each database named); returns seconds per database."""
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    if clear_first:
        clear(using)
    seeder = DemoSeeder(per_database, seed, images=images, stdout=stdout, using=using)
    return seeder.run()
