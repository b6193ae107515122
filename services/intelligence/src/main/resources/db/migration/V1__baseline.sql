-- The intelligence service's records. Persons are known only by their Interlock reference.
CREATE TABLE intelligence_report (
    id                      uuid PRIMARY KEY,
    person                  text NOT NULL,
    source_evaluation       integer NOT NULL CHECK (source_evaluation BETWEEN 1 AND 3),
    intelligence_assessment text NOT NULL CHECK (intelligence_assessment IN ('A', 'B', 'C', 'D', 'E')),
    handling_code           text NOT NULL CHECK (handling_code IN ('P', 'C')),
    handling_conditions     text,
    content                 text NOT NULL,
    sanitised_summary       text,
    reported_on             date NOT NULL,
    CHECK ((handling_code = 'C') = (handling_conditions IS NOT NULL))
);
CREATE INDEX intelligence_report_person ON intelligence_report (person);

CREATE TABLE threat_flag (
    id         uuid PRIMARY KEY,
    person     text NOT NULL,
    kind       text NOT NULL,
    raised_on  date NOT NULL,
    cleared_on date,
    version    integer NOT NULL DEFAULT 0
);
CREATE INDEX threat_flag_person ON threat_flag (person);
