import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimDatacenter, startSimDatacenter } from './cli-harness';

type Row = Record<string, unknown>;

/** Glance v2 image members through the official CLI: share, accept, list, unshare. */
describe(
  'openstack CLI against the simulated datacenter: image members',
  { timeout: 240_000 },
  () => {
    let dc: SimDatacenter;
    let memberProjectId: string;
    const asMember = {
      OS_USERNAME: 'member-user',
      OS_PASSWORD: 'm3mber',
      OS_PROJECT_NAME: 'member-proj',
    };
    const names = (rows: Row[]) => rows.map((r) => r.Name);

    beforeAll(async () => {
      dc = await startSimDatacenter();
      const project = await dc.runOpenstack<Row>(['project', 'create', 'member-proj']);
      memberProjectId = String(project.id);
      await dc.runOpenstack([
        'user',
        'create',
        '--password',
        asMember.OS_PASSWORD,
        '--project',
        'member-proj',
        'member-user',
      ]);
      await dc.runOpenstackCommand([
        'role',
        'add',
        '--project',
        'member-proj',
        '--user',
        'member-user',
        'member',
      ]);
    });
    afterAll(async () => {
      await dc?.stop();
    });

    const createImage = async (name: string, visibility: '--shared' | '--private') => {
      const file = path.join(dc.dataDir, `${name}.img`);
      await writeFile(file, name);
      const created = await dc.runOpenstack<Row>([
        'image',
        'create',
        visibility,
        '--file',
        file,
        '--disk-format',
        'raw',
        '--container-format',
        'bare',
        name,
      ]);
      return String(created.id);
    };

    it('shares an image with a project, which accepts it, sees it, and loses it on removal', async () => {
      const id = await createImage('shared-img', '--shared');
      expect(await dc.runOpenstack<Row>(['image', 'show', id])).toMatchObject({
        visibility: 'shared',
      });
      const hidden = await dc.tryOpenstack(['image', 'show', id], asMember);
      expect(hidden.code).not.toBe(0);

      const added = await dc.runOpenstack<Row>(['image', 'add', 'project', id, 'member-proj']);
      expect(added).toMatchObject({ image_id: id, member_id: memberProjectId, status: 'pending' });
      const duplicate = await dc.tryOpenstack(['image', 'add', 'project', id, 'member-proj']);
      expect(duplicate.stderr).toContain('409');

      expect(await dc.runOpenstack<Row[]>(['image', 'member', 'list', id])).toEqual([
        { 'Image ID': id, 'Member ID': memberProjectId, Status: 'pending' },
      ]);

      // Pending: visible by id and with --member-status, not in the member's default list.
      expect(names(await dc.runOpenstack<Row[]>(['image', 'list'], asMember))).not.toContain(
        'shared-img',
      );
      expect(
        names(
          await dc.runOpenstack<Row[]>(['image', 'list', '--member-status', 'pending'], asMember),
        ),
      ).toContain('shared-img');
      expect(await dc.runOpenstack<Row>(['image', 'show', id], asMember)).toMatchObject({ id });

      // Only a member changes its status; only the owner adds members.
      const ownerAccepts = await dc.tryOpenstack(['image', 'set', '--accept', id]);
      expect(ownerAccepts.code).not.toBe(0);
      // The admin owner is no member: Glance answers 404 for its own membership.
      expect(ownerAccepts.stderr).toContain('not found in the member list of the image');
      const memberAdds = await dc.tryOpenstack(
        ['image', 'add', 'project', id, 'member-proj'],
        asMember,
      );
      expect(memberAdds.stderr).toContain('Not allowed to create members');

      await dc.runOpenstackCommand(['image', 'set', '--accept', id], asMember);
      expect(await dc.runOpenstack<Row[]>(['image', 'member', 'list', id], asMember)).toEqual([
        { 'Image ID': id, 'Member ID': memberProjectId, Status: 'accepted' },
      ]);
      expect(names(await dc.runOpenstack<Row[]>(['image', 'list'], asMember))).toContain(
        'shared-img',
      );
      expect(names(await dc.runOpenstack<Row[]>(['image', 'list', '--shared'], asMember))).toEqual([
        'shared-img',
      ]);

      const memberRemoves = await dc.tryOpenstack(
        ['image', 'remove', 'project', id, 'member-proj'],
        asMember,
      );
      expect(memberRemoves.stderr).toContain('Not allowed to delete members');

      await dc.runOpenstackCommand(['image', 'remove', 'project', id, 'member-proj']);
      expect(await dc.runOpenstack<Row[]>(['image', 'member', 'list', id])).toEqual([]);
      expect(names(await dc.runOpenstack<Row[]>(['image', 'list'], asMember))).not.toContain(
        'shared-img',
      );
      const gone = await dc.tryOpenstack(['image', 'show', id], asMember);
      expect(gone.code).not.toBe(0);
    });

    it('rejects members on an image that is not shared', async () => {
      const id = await createImage('private-img', '--private');
      const refused = await dc.tryOpenstack(['image', 'add', 'project', id, 'member-proj']);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`Not allowed to create members for image ${id}.`);
      const listed = await dc.tryOpenstack(['image', 'member', 'list', id]);
      expect(listed.stderr).toContain('Only shared images have members.');
    });
  },
);
