"""Schema 1, frozen: the tables as the first release creates them.

Never edit this text once released: later changes are new migrations in `migrations.py`. It is
kept apart from `tables.py` (the current schema) on purpose, so that editing a SQLModel class can
not silently change what an old migration does.
"""

from __future__ import annotations

SCHEMA_1: tuple[str, ...] = (
    """CREATE TABLE project_setting (
        "key" TEXT NOT NULL PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE org_unit (
        id INTEGER NOT NULL PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES org_unit (id),
        headcount INTEGER,
        position INTEGER NOT NULL
    )""",
    """CREATE TABLE questionnaire_version (
        id INTEGER NOT NULL PRIMARY KEY,
        form_id TEXT NOT NULL,
        title TEXT NOT NULL,
        version TEXT NOT NULL,
        languages JSON NOT NULL,
        default_language TEXT NOT NULL,
        title_labels JSON NOT NULL,
        created DATE NOT NULL
    )""",
    """CREATE TABLE section (
        id INTEGER NOT NULL PRIMARY KEY,
        questionnaire_version_id INTEGER NOT NULL
            REFERENCES questionnaire_version (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        labels JSON NOT NULL,
        relevant TEXT
    )""",
    "CREATE INDEX ix_section_questionnaire_version_id ON section (questionnaire_version_id)",
    """CREATE TABLE item (
        id INTEGER NOT NULL PRIMARY KEY,
        questionnaire_version_id INTEGER NOT NULL
            REFERENCES questionnaire_version (id) ON DELETE CASCADE,
        section_id INTEGER NOT NULL REFERENCES section (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        labels JSON NOT NULL,
        hints JSON NOT NULL,
        list_name TEXT,
        dimension TEXT,
        reverse BOOLEAN NOT NULL,
        required BOOLEAN NOT NULL,
        relevant TEXT,
        UNIQUE (questionnaire_version_id, name)
    )""",
    "CREATE INDEX ix_item_section_id ON item (section_id)",
    """CREATE TABLE choice_list (
        id INTEGER NOT NULL PRIMARY KEY,
        questionnaire_version_id INTEGER NOT NULL
            REFERENCES questionnaire_version (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (questionnaire_version_id, name)
    )""",
    """CREATE TABLE choice (
        id INTEGER NOT NULL PRIMARY KEY,
        choice_list_id INTEGER NOT NULL REFERENCES choice_list (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        labels JSON NOT NULL,
        score REAL
    )""",
    "CREATE INDEX ix_choice_choice_list_id ON choice (choice_list_id)",
    """CREATE TABLE dimension (
        id INTEGER NOT NULL PRIMARY KEY,
        questionnaire_version_id INTEGER NOT NULL
            REFERENCES questionnaire_version (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        labels JSON NOT NULL,
        direction TEXT NOT NULL,
        reference REAL,
        min_n INTEGER,
        domain TEXT,
        UNIQUE (questionnaire_version_id, code)
    )""",
    """CREATE TABLE survey_round (
        id INTEGER NOT NULL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        questionnaire_version_id INTEGER NOT NULL REFERENCES questionnaire_version (id),
        created DATE NOT NULL
    )""",
    # id is random (never a counter) and date is a day without a time: see responses.py.
    """CREATE TABLE response (
        id INTEGER NOT NULL PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        round_id INTEGER NOT NULL REFERENCES survey_round (id),
        unit_id INTEGER NOT NULL REFERENCES org_unit (id),
        questionnaire_version_id INTEGER NOT NULL REFERENCES questionnaire_version (id),
        date DATE NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        source TEXT NOT NULL,
        answers BLOB NOT NULL
    )""",
    "CREATE INDEX ix_response_round_id ON response (round_id)",
    "CREATE INDEX ix_response_unit_id ON response (unit_id)",
    """CREATE TABLE text_answer (
        response_id INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
        item_name TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (response_id, item_name)
    ) WITHOUT ROWID""",
    """CREATE TABLE indicator (
        id INTEGER NOT NULL PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES org_unit (id),
        period TEXT NOT NULL,
        kind TEXT NOT NULL,
        value REAL NOT NULL,
        UNIQUE (unit_id, period, kind)
    )""",
    """CREATE TABLE sick_leave_assessment (
        id INTEGER NOT NULL PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES org_unit (id),
        round_id INTEGER NOT NULL REFERENCES survey_round (id),
        text TEXT NOT NULL,
        UNIQUE (unit_id, round_id)
    )""",
    """CREATE TABLE action_item (
        id INTEGER NOT NULL PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES survey_round (id),
        unit_id INTEGER REFERENCES org_unit (id),
        dimension_code TEXT,
        item_name TEXT,
        problem TEXT NOT NULL,
        cause TEXT NOT NULL,
        action TEXT NOT NULL,
        responsible TEXT NOT NULL,
        deadline DATE,
        status TEXT NOT NULL CONSTRAINT action_item_status
            CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
        follow_up_date DATE,
        follow_up_notes TEXT NOT NULL,
        effect TEXT NOT NULL,
        created DATE NOT NULL
    )""",
    "CREATE INDEX ix_action_item_round_id ON action_item (round_id)",
)
