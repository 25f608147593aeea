/** Synthetic but plausible names: teachers as "R. Ortiz", towns for default scenario names. */
import type { Random } from './random.js';

const SURNAMES = [
  'Ortiz', 'Nguyen', 'Garcia', 'Hernandez', 'Smith', 'Lopez', 'Kim', 'Patel', 'Johnson', 'Martinez',
  'Chen', 'Rodriguez', 'Williams', 'Reyes', 'Santos', 'Brown', 'Flores', 'Tran', 'Davis', 'Ramirez',
  'Gonzalez', 'Wong', 'Miller', 'Castillo', 'Torres', 'Anderson', 'Rivera', 'Cruz', 'Park', 'Jackson',
  'Morales', 'Lee', 'Wilson', 'Gutierrez', 'Vargas', 'Dela Cruz', 'Thompson', 'Mendoza', 'Shah', 'Moore',
  'Aguilar', 'Pham', 'Taylor', 'Delgado', 'Chavez', 'Singh', 'White', 'Romero', 'Vasquez', 'Harris',
  'Ruiz', 'Yamamoto', 'Clark', 'Navarro', 'Jimenez', 'Lewis', 'Alvarez', 'Bautista', 'Robinson', 'Medina',
  'Hall', 'Salazar', 'Okafor', 'Young', 'Castro', 'Huang', 'King', 'Ortega', 'Le', 'Wright',
  'Silva', 'Soto', 'Scott', 'Herrera', 'Ali', 'Green', 'Dominguez', 'Tanaka', 'Baker', 'Molina',
  'Adams', 'Campos', 'Hoang', 'Nelson', 'Pena', 'Carter', 'Rios', 'Mitchell', 'Guzman', 'Perez',
  'Roberts', 'Sandoval', 'Chang', 'Turner', 'Espinoza', 'Phillips', 'Fuentes', 'Campbell', 'Luna', 'Evans',
  'Ibarra', 'Edwards', 'Cho', 'Collins', 'Acosta', 'Stewart', 'Valdez', 'Morris', 'Cortez', 'Murphy',
  'Mejia', 'Cook', 'Villanueva', 'Rogers', 'Contreras', 'Morgan', 'Estrada', 'Bell', 'Lim', 'Bailey',
];
const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

/** Teacher name generator that never repeats a name within one school. */
export function teacherNamer(rng: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = `${rng.pick([...INITIALS])}. ${rng.pick(SURNAMES)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export const TOWNS = ['Valley', 'Mesa', 'Sierra', 'Oak Grove', 'Harbor', 'Canyon', 'Riverside Park', 'Foothill', 'Delta', 'Coastline', 'Vista Verde', 'Redwood'];
