import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, draftProblem } from './gateway-draft';

const draft = (baseURL: string) => ({ ...EMPTY_DRAFT, id: 'gw', name: 'GW', modelIds: 'gpt-image-2', baseURL });

describe('gateway form', () => {
  it('asks for https unless the gateway is on this machine', () => {
    expect(draftProblem(draft('http://gateway.example/v1'))).toMatch(/https/);
    expect(draftProblem(draft('https://gateway.example/v1'))).toBeNull();
    expect(draftProblem(draft('http://127.0.0.1:4000/v1'))).toBeNull();
    expect(draftProblem(draft('http://localhost:4000/v1'))).toBeNull();
  });
});
