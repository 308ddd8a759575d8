import type { Person } from '../../domain/service-request.js';
import { addNote } from '../notes/add-note.js';
import { createRequest } from '../requests/create-request.js';
import type { ServiceDeps } from '../deps.js';
import { updateRequest } from '../requests/update-request.js';

const DESK = {
  id: 'demo-seed',
  tenantId: 'demo',
  name: 'Demo data',
  email: 'support@contoso.test',
  roles: ['ServiceDesk.Admin' as const],
};

const SAMPLES: {
  title: string;
  description: string;
  requester: Person;
  participants: string[];
  status: string;
  note?: string;
}[] = [
  {
    title: 'Laptop will not connect to the office Wi-Fi',
    description: 'Since this morning my laptop sees the network but never gets an address.',
    requester: { name: 'Diego Siciliani', email: 'diego@fabrikam.test' },
    participants: ['adele@fabrikam.test'],
    status: 'Awaiting Customer',
    note: 'Could you try forgetting the network and joining again? Tell us what you see.',
  },
  {
    title: 'New starter needs a mailbox and Teams access',
    description: 'Isaiah joins the finance team on Monday.',
    requester: { name: 'Adele Vance', email: 'adele@fabrikam.test' },
    participants: [],
    status: 'Open',
  },
  {
    title: 'Printer on floor 3 prints blank pages',
    description: 'Every job comes out blank since the toner was replaced.',
    requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' },
    participants: [],
    status: 'New',
  },
];

/** Long enough for instances started together; short enough that a desk wiped later is seeded again. */
const SEED_CLAIM_MS = 10 * 60_000;

/** Demo mode only: a few SRs so a new user sees a working desk at once. Does nothing when SRs exist. */
export async function seedDemoData(deps: ServiceDeps): Promise<number[]> {
  const existing = await deps.store.read((tx) => tx.collection('requests').count());
  if (existing > 0) return [];
  // Demo instances of a cluster starting together would each find no SR and each seed: one of them takes the job.
  if (deps.cluster && !(await deps.cluster.claimPeriodic('demo-seed', SEED_CLAIM_MS, deps.clock())))
    return [];
  const ids: number[] = [];
  for (const sample of SAMPLES) {
    const sr = await createRequest(deps, DESK, { ...sample, priority: 'Medium' });
    if (sample.status !== sr.status) await updateRequest(deps, DESK, sr.id, { status: sample.status });
    if (sample.note) await addNote(deps, DESK, sr.id, { typeCode: 'PUBLIC', body: sample.note });
    ids.push(sr.id);
  }
  return ids;
}
