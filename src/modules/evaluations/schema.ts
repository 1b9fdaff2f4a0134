import { z } from 'zod';
import { named } from '../../http/openapi';

export const Answers = z.array(z.object({ question: z.string().max(40), value: z.number().int() })).max(20);

export const QuestionOut = z.object({ id: z.string(), text: z.string(), options: z.array(z.object({ value: z.number(), label: z.string() })) });

export const DerivedOut = named('EvaluationDerived', z.object({
  timing: z.enum(['early', 'on_time', 'late', 'overdue', 'in_time']).nullable(),
  workingHours: z.number().nullable(),
  perUnit: z.array(z.object({ unit: z.string(), workingHours: z.number() })),
  contacts: z.number(),
  supplementRequests: z.number(),
}));
