import { defineTask, noInput } from '../../tasks/task-definition';

/** submit (idempotent) → record. */
export const deleteFirewallPolicyTask = defineTask({
  action: 'firewall-policy.delete',
  input: noInput,
  steps: ['submit', 'record'],
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await rt.provider.deleteFirewallPolicy(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.observeGone('firewall-policy', id);
    return { detail: `firewall policy ${rt.task().targetName} deleted` };
  },
});
