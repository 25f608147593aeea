import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { buildReport, explainNotPlaced, explainRequest, formatCheck, formatReport, formatTable } from '../../src/report/index.js';
import type { SolverFigures } from '../../src/solution/schema.js';
import { clashSchedule, handScenario, handSchedule, sectionOf } from '../helpers/hand-school.js';

const solver: SolverFigures = {
  backend: 'highs',
  strategy: 'cte-first',
  seed: 1,
  termination: 'optimal',
  schedule: 'optimal',
  partial: false,
  objective: 1234.5,
  bound: 1234.5,
  gap: 0,
  placementBound: { value: 2, source: 'cohort seats' },
  placementGap: 1,
  seconds: 1.25,
  stages: [{ name: 'board', status: 'optimal', seconds: 1.25, objective: 1234.5, bound: 1234.5 }],
};

describe('explainNotPlaced (rendered from the computed causes)', () => {
  it('names both sections, the course and the shared slot of a clash, and the section that could still run', () => {
    const bioMore = 'the schedule runs 1 section of Biology (BIO); one more with T3 (C. Cruz) in R1 at A.4 would fit the student';
    const clash = 'English 10 cohort section ENG10-1 (HEALTH-10-1) and Biology section BIO-1 both meet in A.3';
    expect(explainNotPlaced(handScenario(), clashSchedule())).toEqual([
      { student: 'S1', pathway: 'HEALTH', grade: 10, reasons: [clash, bioMore] },
      {
        student: 'S2',
        pathway: 'HEALTH',
        grade: 10,
        reasons: [
          clash,
          'no section of Chemistry (CHEM) is offered',
          bioMore,
          'the schedule runs 0 sections of Chemistry (CHEM); one more with T3 (C. Cruz) in R1 at A.4 would fit the student',
        ],
      },
    ]);
  });

  it('says every section of a course is full, with sizes', () => {
    const scenario = handScenario((s) => {
      const bio = s.courses.find((c) => c.id === 'BIO');
      if (bio) bio.capacity = 2;
    });
    const schedule = handSchedule();
    schedule.enrollments['S1'] = ['HS1-1', 'ENG10-1'];
    const [s1] = explainNotPlaced(scenario, schedule);
    expect(s1?.reasons[0]).toBe('every section of Biology (BIO) is full (BIO-1 2/2)');
  });

  it('explains a cohort that was not joined, a cohort course met outside the cohort, and A–G', () => {
    const schedule = handSchedule();
    schedule.enrollments['S1'] = ['HS1-1', 'ENG10-2', 'BIO-1'];
    const [s1] = explainNotPlaced(handScenario(), schedule);
    expect(s1?.reasons).toEqual(["not in cohort HEALTH-10-1's section ENG10-1 of English 10 (ENG10)"]);

    const alone = handSchedule();
    alone.enrollments['S1'] = ['BIO-1'];
    const [outside] = explainNotPlaced(handScenario(), alone);
    expect(outside?.reasons).toContain('not in a HEALTH grade 10 cohort: 1 cohort holds 1 of 2 members (cohort size 2, 1 planned)');

    const scenario = handScenario((s) => {
      const s2 = s.students.find((x) => x.id === 'S2');
      if (s2) Object.assign(s2, { alternates: { BIO: ['HIST'] } });
    });
    const swapped = handSchedule();
    swapped.sections.push({ id: 'HIST-1', course: 'HIST', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    swapped.enrollments['S2'] = ['HS1-1', 'ENG10-1', 'HIST-1'];
    expect(explainNotPlaced(scenario, swapped)).toEqual([
      { student: 'S2', pathway: 'HEALTH', grade: 10, reasons: ['off A–G track: d (Laboratory Science) 0 of 1 years'] },
    ]);
  });

  it('leaves out an A–G shortfall that an unmet request of the subject accounts for', () => {
    // S1 misses Biology (d): the clash explains it; "off A–G track: d" would say it twice.
    const [s1] = explainNotPlaced(handScenario(), clashSchedule());
    expect(s1?.reasons.some((r) => r.startsWith('off A–G track'))).toBe(false);
  });

  it('names a cohort course the cohort has no section of', () => {
    const scenario = handScenario((s) => {
      const p = s.pathways[0];
      if (p) p.cohortCourses = { '10': ['HS1', 'ENG10', 'BIO'] };
    });
    const [s1] = explainNotPlaced(scenario, handSchedule());
    expect(s1?.reasons).toEqual(['cohort HEALTH-10-1 has no section of Biology (BIO)']);
  });

  it('explainRequest names a section reserved for a cohort', () => {
    const schedule = handSchedule();
    schedule.sections = schedule.sections.filter((s) => s.id !== 'ENG10-2');
    schedule.enrollments['S3'] = ['BIO-1'];
    expect(explainRequest(handScenario(), schedule, 'S3', 'ENG10')).toEqual([
      'English 10 section ENG10-1 is reserved for cohort HEALTH-10-1',
      'the schedule runs 1 section of English 10 (ENG10); one more with T1 (A. Ames) in R1 at A.1 would fit the student',
    ]);
  });

  it('explainRequest explains one unmet request of a student outside any pathway', () => {
    const schedule = handSchedule();
    sectionOf(schedule, 'BIO-1').slots = ['B.1'];
    sectionOf(schedule, 'BIO-1').room = 'R2';
    schedule.enrollments['S3'] = ['ENG10-2'];
    expect(explainRequest(handScenario(), schedule, 'S3', 'BIO')[0]).toBe('English 10 section ENG10-2 and Biology section BIO-1 both meet in B.1');
    expect(explainRequest(handScenario(), schedule, 'S3', 'ENG10')).toEqual([]);
    expect(explainRequest(handScenario(), schedule, 'S3', 'HIST')).toEqual([]);
  });
});

describe('formatReport', () => {
  const scenario = handScenario();
  const schedule = clashSchedule();
  const report = buildReport(scenario, schedule, check(scenario, schedule).figures, solver);

  it('prints the headline, the tables, the solver figures and the students not placed', () => {
    expect(formatReport(report, scenario)).toMatchInlineSnapshot(`
      "Schedule report: Hand School

        Pathway students successfully placed  0 of 2 (0.0%)
        Requests met                          6 of 8 (75.0%)
        Students fully scheduled              1 of 3 (33.3%)

        A pathway student is successfully placed when every one of their requests is met, their cohort
        courses are taken with their own cohort (in its reserved sections), and they stay on track for A–G
        (UC/CSU subject requirements).
        A student is fully scheduled when every required and requested course is met (recommended ones may
        be missing).

        Proven best for the school as given: no schedule places more pathway students, nor (with as many
        placed) meets more requests of any priority.

      Why required requests are unmet (2 of 8)
        2  the only Biology section they may join, BIO-1 in A.3, clashes with their own English 10 (2);
           another section could run at a time each of them is free (see what would help)
        \`pathway-scheduler report <scenario> <solution> --kind explain\` lists every unmet request with its
        causes.

      What would help most (computed from this schedule; each change on its own)
        1. One more Biology (BIO) section (T3 C. Cruz free in A.4, room R1 free, 30 seats) would meet 2
           requests (2 required) of students free then.
           Checked by re-loading the students with it (greedy loading on this board): 2 more requests met
           (all required), 2 more students fully scheduled, 2 more pathway students placed; every hard
           rule holds.
        2. One more Chemistry (CHEM) section (T3 C. Cruz free in A.4, room R1 free, 30 seats) would meet 1
           request (1 required) of students free then.
           Checked by re-loading the students with it (greedy loading on this board): 1 more request met
           (all required), 1 more student fully scheduled, 1 more pathway student placed; every hard rule
           holds.

      Figures

      Pathway students successfully placed: 0 of 2 (0.0%)

      By pathway and grade
        Pathway                  Grade  Placed  Of  Share
        -----------------------  -----  ------  --  -----
        HEALTH (Health Academy)    all       0   2   0.0%
                                    10       0   2   0.0%

      Requests met: 6 of 8 (75.0%)
        required     6 of 8 (75.0%)
        requested    0 of 0 (n/a)
        recommended  0 of 0 (n/a)
      Students fully scheduled: 1 of 3 (33.3%)
      A–G on track: 1 of 3 (33.3%); off track by request (not counted): 0
      Pathway teams with common planning time: 1 of 1 (100.0%)
      Sections: 4; unused seats: 104
      Under-filled sections: none

      By student group
        Group  Students  Pathway placed  Fully scheduled  A–G on track
        -----  --------  --------------  ---------------  ---------------
        EL            2  0 of 1 (0.0%)   1 of 2 (50.0%)   1 of 2 (50.0%)
        IEP           1  0 of 0 (n/a)    1 of 1 (100.0%)  1 of 1 (100.0%)

      Solver details (the README explains each term, "Solver details")
        backend          highs
        strategy         cte-first (seed 1)
        termination      optimal
        schedule         optimal
        objective        1234.50
        bound            1234.50
        gap              0.0%
        placement bound  at most 2 placed (cohort seats); gap 100.0%
        time             1.3 s

      Stages
        Stage  Status   Seconds  Objective    Bound
        -----  -------  -------  ---------  -------
        board  optimal      1.3    1234.50  1234.50

      Students not placed (2)
        S1  HEALTH grade 10
          - English 10 cohort section ENG10-1 (HEALTH-10-1) and Biology section BIO-1 both meet in A.3
          - the schedule runs 1 section of Biology (BIO); one more with T3 (C. Cruz) in R1 at A.4 would fit the student
        S2  HEALTH grade 10
          - English 10 cohort section ENG10-1 (HEALTH-10-1) and Biology section BIO-1 both meet in A.3
          - no section of Chemistry (CHEM) is offered
          - the schedule runs 1 section of Biology (BIO); one more with T3 (C. Cruz) in R1 at A.4 would fit the student
          - the schedule runs 0 sections of Chemistry (CHEM); one more with T3 (C. Cruz) in R1 at A.4 would fit the student"
    `);
  });

  it('says how many students are left out when the list is capped', () => {
    const text = formatReport(report, scenario, { maxNotPlaced: 1 });
    expect(text).toContain('Pathway students successfully placed: 0 of 2 (0.0%)');
    expect(text).toContain('  S1  HEALTH grade 10');
    expect(text).not.toContain('  S2  HEALTH grade 10');
    expect(text).toContain('… and 1 more student not placed (all are listed in solution.json)');
  });
});

describe('formatCheck', () => {
  it('says valid, or lists each broken rule', () => {
    expect(formatCheck(check(handScenario(), handSchedule())).split('\n')[0]).toBe('valid: every hard rule holds');
    const schedule = handSchedule();
    sectionOf(schedule, 'ENG10-2').slots = ['B.2'];
    const text = formatCheck(check(handScenario(), schedule));
    expect(text.split('\n').slice(0, 2)).toMatchInlineSnapshot(`
      [
        "INVALID: 1 hard rule broken, 1 violation",
        "✖ student-clash: student S3 is in ENG10-2 (ENG10) and BIO-1 (BIO), which both meet in B.2",
      ]
    `);
  });
});

describe('formatTable', () => {
  it('pads columns and right-aligns numbers', () => {
    expect(
      formatTable(
        [
          ['Name', 'N'],
          ['HEALTH', '7'],
          ['ENG', '12'],
        ],
        { align: ['left', 'right'] },
      ),
    ).toBe(['  Name     N', '  ------  --', '  HEALTH   7', '  ENG     12'].join('\n'));
  });
});
