/**
 * The academic course catalogue of a synthetic California comprehensive high school: A–G
 * courses by subject, PE, health, support and English-learner courses. A course is offered only
 * when the school has at least `minStudents` students, so a small school has a short catalogue
 * and many singletons, as small schools do.
 */
import type { AgSubject } from '../scenario/schema.js';

/** Departments staff courses; small ones are merged into their {@link DEPARTMENT_GROUP}. */
export type Department = 'english' | 'math' | 'science' | 'history' | 'language' | 'art' | 'music' | 'drama' | 'pe' | 'elective' | 'sped' | `cte:${string}`;

/** Where a small department's courses go when it cannot keep a teacher busy. */
export const DEPARTMENT_GROUP: Readonly<Record<string, string>> = {
  english: 'humanities',
  history: 'humanities',
  language: 'humanities',
  math: 'stem',
  science: 'stem',
  art: 'arts-pe',
  music: 'arts-pe',
  drama: 'arts-pe',
  pe: 'arts-pe',
  elective: 'arts-pe',
  sped: 'sped',
};

export interface CourseTemplate {
  readonly id: string;
  readonly name: string;
  readonly ag: AgSubject | null;
  readonly grades: readonly number[];
  readonly dept: Department;
  readonly roomType: string;
  readonly capacity: number;
  /** Smallest school (students) that offers the course. */
  readonly minStudents: number;
}

type Row = [id: string, name: string, ag: AgSubject | null, grades: number[], minStudents: number];

function rows(dept: Department, roomType: string, capacity: number, list: Row[]): CourseTemplate[] {
  return list.map(([id, name, ag, grades, minStudents]) => ({ id, name, ag, grades, dept, roomType, capacity, minStudents }));
}

const ALL = [9, 10, 11, 12];
const UPPER = [11, 12];

/** Math sequences: a school follows one of them. Index = course level. */
export const MATH_SEQUENCES = {
  integrated: ['IM1', 'IM2', 'IM3', 'PRECALC', 'APCALC'],
  traditional: ['ALG1', 'GEOM', 'ALG2', 'PRECALC', 'APCALC'],
} as const;
export type MathSequence = keyof typeof MATH_SEQUENCES;

function mathRows(sequence: MathSequence): Row[] {
  const first: Row[] =
    sequence === 'integrated'
      ? [
          ['IM1', 'Integrated Math I', 'c', ALL, 0],
          ['IM2', 'Integrated Math II', 'c', ALL, 0],
          ['IM3', 'Integrated Math III', 'c', ALL, 0],
        ]
      : [
          ['ALG1', 'Algebra 1', 'c', ALL, 0],
          ['GEOM', 'Geometry', 'c', ALL, 0],
          ['ALG2', 'Algebra 2', 'c', ALL, 0],
        ];
  return [
    ...first,
    ['PRECALC', 'Precalculus', 'c', [10, 11, 12], 100],
    ['APCALC', 'AP Calculus AB', 'c', UPPER, 250],
    ['STATS', 'Statistics', 'c', UPPER, 300],
    ['APSTAT', 'AP Statistics', 'c', UPPER, 700],
    ['APCALCBC', 'AP Calculus BC', 'c', UPPER, 1500],
  ];
}

/** The whole catalogue for a school using the given math sequence, before size filtering. */
export function academicCatalogue(sequence: MathSequence): CourseTemplate[] {
  const co = sequence === 'integrated' ? (['IM1C', 'Integrated Math I (co-taught)'] as const) : (['ALG1C', 'Algebra 1 (co-taught)'] as const);
  return [
    ...rows('english', 'general', 32, [
      ['ENG9', 'English 9', 'b', [9], 0],
      ['ENG9H', 'Honors English 9', 'b', [9], 500],
      ['ENG10', 'English 10', 'b', [10], 0],
      ['ENG10H', 'Honors English 10', 'b', [10], 500],
      ['ENG11', 'English 11', 'b', [11], 0],
      ['APLANG', 'AP English Language', 'b', [11], 300],
      ['ENG12', 'English 12: ERWC', 'b', [12], 0],
      ['APLIT', 'AP English Literature', 'b', [12], 300],
      ['CW', 'Creative Writing', 'g', [10, 11, 12], 1000],
      ['JOURN', 'Journalism', 'g', [10, 11, 12], 1200],
      ['SPEECH', 'Speech and Debate', 'g', ALL, 1500],
    ]),
    ...rows('english', 'general', 25, [
      ['ELD1', 'English Language Development 1', null, ALL, 0],
      ['ELD2', 'English Language Development 2', null, ALL, 500],
    ]),
    ...rows('math', 'general', 34, mathRows(sequence)),
    ...rows('science', 'science-lab', 32, [
      ['ESS', 'Earth and Space Science', 'd', [9], 250],
      ['BIO', 'Biology', 'd', [9, 10], 0],
      ['CHEM', 'Chemistry', 'd', [10, 11, 12], 0],
      ['PHYS', 'Physics', 'd', UPPER, 0],
      ['APBIO', 'AP Biology', 'd', UPPER, 600],
      ['APCHEM', 'AP Chemistry', 'd', UPPER, 800],
      ['APPHYS', 'AP Physics 1', 'd', UPPER, 1000],
      ['APES', 'AP Environmental Science', 'd', UPPER, 400],
      ['ANAT', 'Anatomy and Physiology', 'd', UPPER, 1000],
      ['MARINE', 'Marine Biology', 'd', UPPER, 1500],
    ]),
    ...rows('history', 'general', 34, [
      ['ETHST', 'Ethnic Studies', 'a', [9], 200],
      ['APHUG', 'AP Human Geography', 'a', [9], 1200],
      ['SOCIO', 'Sociology', 'g', UPPER, 1000],
      ['WHIST', 'World History', 'a', [10], 0],
      ['APWH', 'AP World History', 'a', [10], 700],
      ['USHIST', 'US History', 'a', [11], 0],
      ['APUSH', 'AP US History', 'a', [11], 400],
      ['GOV', 'Government and Economics', 'a', [12], 0],
      ['APGOV', 'AP Government and Politics', 'a', [12], 900],
    ]),
    ...rows('language', 'general', 32, [
      ['SPAN1', 'Spanish 1', 'e', ALL, 0],
      ['SPAN2', 'Spanish 2', 'e', ALL, 0],
      ['SPAN3', 'Spanish 3', 'e', [10, 11, 12], 100],
      ['SPAN4', 'AP Spanish Language', 'e', UPPER, 300],
      ['SNS1', 'Spanish for Native Speakers 1', 'e', ALL, 250],
      ['SNS2', 'Spanish for Native Speakers 2', 'e', ALL, 500],
      ['FREN1', 'French 1', 'e', ALL, 300],
      ['FREN2', 'French 2', 'e', ALL, 300],
      ['FREN3', 'French 3', 'e', [10, 11, 12], 600],
      ['MAND1', 'Mandarin 1', 'e', ALL, 1500],
      ['MAND2', 'Mandarin 2', 'e', ALL, 1500],
      ['MAND3', 'Mandarin 3', 'e', [10, 11, 12], 1500],
    ]),
    ...rows('art', 'art', 32, [
      ['ART1', 'Art 1', 'f', ALL, 0],
      ['ART2', 'Art 2', 'f', [10, 11, 12], 400],
      ['CER1', 'Ceramics', 'f', ALL, 250],
      ['APART', 'AP Studio Art', 'f', UPPER, 1000],
      ['DRAW', 'Drawing and Painting', 'f', [10, 11, 12], 1200],
    ]),
    ...rows('art', 'computer-lab', 32, [['PHOTO', 'Digital Photography', 'f', ALL, 600]]),
    ...rows('music', 'music', 60, [
      ['BAND', 'Concert Band', 'f', ALL, 150],
      ['CHOIR', 'Choir', 'f', ALL, 350],
      ['ORCH', 'Orchestra', 'f', ALL, 1200],
      ['JAZZ', 'Jazz Band', 'f', ALL, 1500],
      ['GUITAR', 'Guitar', 'f', ALL, 1200],
    ]),
    ...rows('drama', 'dance', 36, [['DANCE', 'Dance', 'f', ALL, 1000]]),
    ...rows('drama', 'theater', 32, [
      ['DRAMA1', 'Drama 1', 'f', ALL, 300],
      ['DRAMA2', 'Advanced Drama', 'f', [10, 11, 12], 1200],
    ]),
    ...rows('pe', 'gym', 45, [
      ['PE9', 'Physical Education 9', null, [9], 0],
      ['PE10', 'Physical Education 10', null, [10], 0],
      ['WEIGHTS', 'Weight Training', null, [10, 11, 12], 0],
      ['TEAMSP', 'Team Sports', null, [10, 11, 12], 1000],
    ]),
    ...rows('elective', 'general', 34, [
      ['HEALTH', 'Health', null, [9], 0],
      ['PSYCH', 'Psychology', 'g', UPPER, 300],
      ['APPSYCH', 'AP Psychology', 'g', UPPER, 800],
      ['AVID', 'AVID', 'g', ALL, 400],
      ['LEAD', 'ASB Leadership', null, [10, 11, 12], 800],
    ]),
    ...rows('elective', 'computer-lab', 32, [
      ['CS', 'Introduction to Computer Science', 'g', ALL, 400],
      ['YEARBOOK', 'Yearbook', 'g', [10, 11, 12], 300],
      ['ROBOT', 'Robotics', 'g', ALL, 1500],
      ['APCSP', 'AP Computer Science Principles', 'g', ALL, 1500],
    ]),
    ...rows('sped', 'general', 28, [
      ['ENG9C', 'English 9 (co-taught)', 'b', [9], 300],
      ['ENG10C', 'English 10 (co-taught)', 'b', [10], 300],
      [co[0], co[1], 'c', [9, 10], 300],
    ]),
    ...rows('sped', 'general', 18, [['STUDY', 'Academic Support', null, ALL, 0]]),
  ];
}

/** Electives a student may pick to fill the day, by kind (VAPA satisfies A–G f). */
export const ELECTIVES: readonly { readonly id: string; readonly vapa: boolean; readonly weight: number }[] = [
  { id: 'ART1', vapa: true, weight: 4 },
  { id: 'ART2', vapa: true, weight: 1.5 },
  { id: 'CER1', vapa: true, weight: 2.5 },
  { id: 'APART', vapa: true, weight: 0.6 },
  { id: 'PHOTO', vapa: true, weight: 1.5 },
  { id: 'BAND', vapa: true, weight: 1.5 },
  { id: 'CHOIR', vapa: true, weight: 1.5 },
  { id: 'DRAMA1', vapa: true, weight: 2 },
  { id: 'DRAMA2', vapa: true, weight: 0.8 },
  { id: 'WEIGHTS', vapa: false, weight: 3 },
  { id: 'PSYCH', vapa: false, weight: 2.5 },
  { id: 'APPSYCH', vapa: false, weight: 1.2 },
  { id: 'AVID', vapa: false, weight: 1.5 },
  { id: 'CS', vapa: false, weight: 2 },
  { id: 'YEARBOOK', vapa: false, weight: 0.8 },
  { id: 'CW', vapa: false, weight: 1.2 },
  { id: 'JOURN', vapa: false, weight: 0.8 },
  { id: 'SPEECH', vapa: false, weight: 0.8 },
  { id: 'SOCIO', vapa: false, weight: 1.5 },
  { id: 'DRAW', vapa: true, weight: 1.5 },
  { id: 'ORCH', vapa: true, weight: 1 },
  { id: 'JAZZ', vapa: true, weight: 0.6 },
  { id: 'GUITAR', vapa: true, weight: 1.2 },
  { id: 'DANCE', vapa: true, weight: 1.5 },
  { id: 'TEAMSP', vapa: false, weight: 2 },
  { id: 'LEAD', vapa: false, weight: 0.6 },
  { id: 'ROBOT', vapa: false, weight: 1 },
  { id: 'APCSP', vapa: false, weight: 1 },
];
