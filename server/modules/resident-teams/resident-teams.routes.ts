import {
  attendanceInput,
  endInput,
  flagsInput,
  leaveInput,
  logInput,
  memberInput,
  rotateInput,
  teamDetail,
  teamExportQuery,
  teamIdParams,
  teamInput,
  teamListQuery,
  teamPage,
  villageListQuery,
  villagePage,
  villageParams,
  villageRow,
} from '#common/contracts/resident-teams.ts';
import { sendXlsx } from '#server/http/download.ts';
import { requireCtx } from '#server/http/session.ts';
import type { App } from '#server/http/types.ts';
import type { ResidentTeamsService } from './resident-teams.service.ts';

const tags = ['resident-teams'];

export function residentTeamsRoutes(app: App, deps: { residentTeams: ResidentTeamsService }): void {
  const { residentTeams: svc } = deps;
  app.get(
    '/api/resident-teams',
    { schema: { tags, summary: '驻村工作队（按村）', querystring: teamListQuery, response: { 200: teamPage } } },
    (req) => svc.listTeams(requireCtx(req), req.query),
  );
  app.post(
    '/api/resident-teams',
    { schema: { tags, summary: '选派驻村工作队', body: teamInput, response: { 200: teamDetail } } },
    (req) => svc.createTeam(requireCtx(req), req.body),
  );
  app.get(
    '/api/resident-teams/export.xlsx',
    { schema: { tags, summary: '驻村工作队台账（.xlsx，按筛选）', querystring: teamExportQuery } },
    async (req, reply) => {
      const write = await svc.exportTeams(requireCtx(req), req.query);
      return sendXlsx(req, reply, '驻村工作队台账.xlsx', write);
    },
  );
  app.get(
    '/api/resident-teams/villages',
    {
      schema: {
        tags,
        summary: '应派驻村（重点帮扶村、易地搬迁安置点、软弱涣散村）与派驻情况',
        querystring: villageListQuery,
        response: { 200: villagePage },
      },
    },
    (req) => svc.listVillages(requireCtx(req), req.query),
  );
  app.post(
    '/api/resident-teams/villages/:orgCode/flags',
    {
      schema: {
        tags,
        summary: '县级标注村类别（应派驻村）',
        params: villageParams,
        body: flagsInput,
        response: { 200: villageRow },
      },
    },
    (req) => svc.setFlags(requireCtx(req), req.params.orgCode, req.body),
  );
  app.get(
    '/api/resident-teams/:id',
    {
      schema: {
        tags,
        summary: '工作队：队员、考勤、工作日志、轮换历史',
        params: teamIdParams,
        response: { 200: teamDetail },
      },
    },
    (req) => svc.getTeam(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/resident-teams/:id/rotate',
    {
      schema: {
        tags,
        summary: '轮换：本队撤离，新队进驻',
        params: teamIdParams,
        body: rotateInput,
        response: { 200: teamDetail },
      },
    },
    (req) => svc.rotate(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident-teams/:id/end',
    {
      schema: {
        tags,
        summary: '撤离（不再派驻）',
        params: teamIdParams,
        body: endInput,
        response: { 200: teamDetail },
      },
    },
    (req) => svc.end(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident-teams/:id/members',
    { schema: { tags, summary: '增派队员', params: teamIdParams, body: memberInput, response: { 200: teamDetail } } },
    (req) => svc.addMember(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident-teams/members/:id/leave',
    { schema: { tags, summary: '队员离队', params: teamIdParams, body: leaveInput, response: { 200: teamDetail } } },
    (req) => svc.leave(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident-teams/:id/attendance',
    {
      schema: {
        tags,
        summary: '驻村考勤：队员当月在村天数',
        params: teamIdParams,
        body: attendanceInput,
        response: { 200: teamDetail },
      },
    },
    (req) => svc.recordAttendance(requireCtx(req), req.params.id, req.body),
  );
  app.post(
    '/api/resident-teams/:id/logs',
    { schema: { tags, summary: '工作日志', params: teamIdParams, body: logInput, response: { 200: teamDetail } } },
    (req) => svc.addLog(requireCtx(req), req.params.id, req.body),
  );
}
