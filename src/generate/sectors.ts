/**
 * CTE pathways the generator can add, one per California industry sector, in the order they are
 * taken: a school with two pathways has Health and Engineering. Each pathway has one CTE course
 * per grade 10–12 and pairs it with two core courses of that grade for its cohorts.
 */
import type { AgSubject } from '../scenario/schema.js';

export interface SectorTemplate {
  readonly id: string;
  readonly name: string;
  readonly sector: string;
  readonly roomType: string;
  /** CTE courses for grades 10, 11 and 12: id, name, A–G subject. */
  readonly courses: readonly (readonly [string, string, AgSubject | null])[];
  /** Core courses the grade-10 and grade-11 cohorts share besides English (grade 12: GOV). */
  readonly core10: 'BIO' | 'WHIST';
  readonly core11: 'USHIST' | 'CHEM';
  /** Relative interest by gender, which makes pathway equity figures worth reading. */
  readonly genderWeight: Readonly<Record<string, number>>;
}

const even = {};
export const SECTORS: readonly SectorTemplate[] = [
  {
    id: 'HEALTH',
    name: 'Health Academy',
    sector: 'Health Science and Medical Technology',
    roomType: 'health-lab',
    courses: [
      ['HS1', 'Health Science 1: Medical Terminology', 'g'],
      ['HS2', 'Sports Medicine', 'd'],
      ['HS3', 'Medical Assisting', 'g'],
    ],
    core10: 'BIO',
    core11: 'USHIST',
    genderWeight: { Female: 1.5 },
  },
  {
    id: 'ENGR',
    name: 'Engineering Academy',
    sector: 'Engineering and Architecture',
    roomType: 'engineering-lab',
    courses: [
      ['ENGR1', 'Introduction to Engineering Design', 'g'],
      ['ENGR2', 'Principles of Engineering', 'd'],
      ['ENGR3', 'Engineering Design and Development', 'g'],
    ],
    core10: 'WHIST',
    core11: 'CHEM',
    genderWeight: { Male: 1.5 },
  },
  {
    id: 'ICT',
    name: 'Information Technology Academy',
    sector: 'Information and Communication Technologies',
    roomType: 'computer-lab',
    courses: [
      ['ICT1', 'Computer Science Principles', 'g'],
      ['ICT2', 'AP Computer Science A', 'c'],
      ['ICT3', 'Cybersecurity', 'g'],
    ],
    core10: 'WHIST',
    core11: 'USHIST',
    genderWeight: { Male: 1.3 },
  },
  {
    id: 'HOSP',
    name: 'Culinary and Hospitality Pathway',
    sector: 'Hospitality, Tourism, and Recreation',
    roomType: 'kitchen',
    courses: [
      ['CUL1', 'Culinary Arts 1', 'g'],
      ['CUL2', 'Culinary Arts 2', 'g'],
      ['CUL3', 'Restaurant Management', null],
    ],
    core10: 'BIO',
    core11: 'USHIST',
    genderWeight: even,
  },
  {
    id: 'ARTS',
    name: 'Digital Media Arts Academy',
    sector: 'Arts, Media, and Entertainment',
    roomType: 'media-lab',
    courses: [
      ['DMA1', 'Digital Media Arts 1', 'f'],
      ['DMA2', 'Digital Media Arts 2', 'f'],
      ['DMA3', 'Film and Video Production', 'f'],
    ],
    core10: 'WHIST',
    core11: 'USHIST',
    genderWeight: even,
  },
  {
    id: 'MFG',
    name: 'Manufacturing Pathway',
    sector: 'Manufacturing and Product Development',
    roomType: 'shop',
    courses: [
      ['MFG1', 'Introduction to Manufacturing', 'g'],
      ['MFG2', 'Welding and Fabrication', null],
      ['MFG3', 'Advanced Manufacturing', 'g'],
    ],
    core10: 'BIO',
    core11: 'USHIST',
    genderWeight: { Male: 1.8 },
  },
  {
    id: 'BUILD',
    name: 'Construction Academy',
    sector: 'Building and Construction Trades',
    roomType: 'shop',
    courses: [
      ['CON1', 'Construction Technology 1', null],
      ['CON2', 'Construction Technology 2', null],
      ['CON3', 'Construction Management', 'g'],
    ],
    core10: 'WHIST',
    core11: 'USHIST',
    genderWeight: { Male: 1.8 },
  },
  {
    id: 'AG',
    name: 'Agriscience Pathway',
    sector: 'Agriculture and Natural Resources',
    roomType: 'ag-lab',
    courses: [
      ['AG1', 'Agriscience', 'g'],
      ['AG2', 'Agricultural Mechanics', null],
      ['AG3', 'Agricultural Business', 'g'],
    ],
    core10: 'BIO',
    core11: 'CHEM',
    genderWeight: even,
  },
  {
    id: 'PUBSERV',
    name: 'Public Safety Academy',
    sector: 'Public Services',
    roomType: 'general',
    courses: [
      ['PS1', 'Introduction to Public Safety', 'g'],
      ['PS2', 'Criminal Justice', 'g'],
      ['PS3', 'Forensic Science', 'd'],
    ],
    core10: 'WHIST',
    core11: 'USHIST',
    genderWeight: even,
  },
  {
    id: 'BUS',
    name: 'Business and Finance Academy',
    sector: 'Business and Finance',
    roomType: 'computer-lab',
    courses: [
      ['BUS1', 'Introduction to Business', 'g'],
      ['BUS2', 'Accounting and Finance', 'g'],
      ['BUS3', 'Entrepreneurship', 'g'],
    ],
    core10: 'BIO',
    core11: 'USHIST',
    genderWeight: even,
  },
];

/** The cohort core courses of a sector for grades 10, 11 and 12 (English plus one more). */
export function cohortCore(sector: SectorTemplate): Readonly<Record<number, readonly string[]>> {
  return { 10: ['ENG10', sector.core10], 11: ['ENG11', sector.core11], 12: ['ENG12', 'GOV'] };
}
