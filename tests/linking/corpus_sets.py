"""Small hand-written article sets for the link stage's corpus tables (office terms, events)."""

from __future__ import annotations

from pathlib import Path

# a foreign minister replaced between two articles, two and a half years apart
REPLACED = {
    "a1.txt": """date: 2019-03-05
title: Foreign ministers meet

Iranian Foreign Minister Mohammad Javad Zarif met Azerbaijani Foreign Minister Elmar Mammadyarov in Baku on Monday. The two ministers discussed the Rasht-Astara railway.
""",
    "a2.txt": """date: 2021-09-20
title: New minister visits

Iranian Foreign Minister Hossein Amir-Abdollahian met Azerbaijani Foreign Minister Jeyhun Bayramov in Tehran on Sunday. They discussed trade and transport.
""",
}

# two people called Iran's foreign minister in the same week
SIMULTANEOUS = {
    "b1.txt": """date: 2019-03-05
title: Talks in Baku

Iranian Foreign Minister Mohammad Javad Zarif met Azerbaijani Foreign Minister Elmar Mammadyarov in Baku on Monday.
""",
    "b2.txt": """date: 2019-03-06
title: Talks in Ashgabat

Iranian Foreign Minister Hossein Amir-Abdollahian met Turkmen Foreign Minister Rashid Meredov in Ashgabat on Tuesday.
""",
}

# one meeting reported by two articles (a dateline names the place in the second), and a call a month later
SAME_MEETING = {
    "c1.txt": """date: 2020-11-17
title: Ministers meet

Azerbaijani Foreign Minister Jeyhun Bayramov met Iranian Foreign Minister Mohammad Javad Zarif in Baku on Monday. The ministers discussed the Rasht-Astara railway.
""",
    "c2.txt": """date: 2020-11-18
title: Zarif in Baku

BAKU, Azerbaijan – Iranian Foreign Minister Mohammad Javad Zarif held talks with Azerbaijani Foreign Minister Jeyhun Bayramov on November 16, 2020. Zarif also visited the Khudafarin hydro junction.
""",
    "c3.txt": """date: 2020-12-20
title: Ministers talk again

Azerbaijani Foreign Minister Jeyhun Bayramov spoke by phone with Iranian Foreign Minister Mohammad Javad Zarif on Saturday.
""",
}

NOTHING = {"n1.txt": "date: 2020-01-01\n\nThe weather was mild and the harvest was good this year.\n"}


def write_set(folder: Path, articles: dict[str, str]) -> Path:
    """Write one article set into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
