import { AppError } from '../../../shared/errors';
import { actorOf, type Handlers } from '../api/context';
import { companyOf } from '../settings/service';
import * as service from './service';

type UserChannels =
  | 'setup.status'
  | 'setup.init'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.directory'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword';

export const userHandlers: Pick<Handlers, UserChannels> = {
  'setup.status': (_input, ctx) => {
    const initialized = service.isInitialized(ctx.db);
    return { initialized, companyName: companyOf(ctx.db)?.name ?? null };
  },
  'setup.init': (input, ctx) => {
    const actor = service.setupCompany(ctx.db, input, ctx.now());
    ctx.startSession(actor.id);
    return service.sessionUser(ctx.db, actor);
  },
  'auth.login': (input, ctx) => {
    if (!service.isInitialized(ctx.db)) {
      throw new AppError('SETUP_REQUIRED', '系统尚未初始化，请先创建公司和管理员', 'SalesDesk is not set up yet; create the company and the administrator first');
    }
    const actor = service.authenticate(ctx.db, input.username, input.password);
    ctx.startSession(actor.id);
    return service.sessionUser(ctx.db, actor);
  },
  'auth.logout': (_input, ctx) => {
    ctx.endSession();
    return { ok: true };
  },
  'auth.me': (_input, ctx) => (ctx.actor ? service.sessionUser(ctx.db, ctx.actor) : null),
  'auth.changePassword': (input, ctx) => {
    const actor = actorOf(ctx);
    service.changeOwnPassword(ctx.db, actor, input.oldPassword, input.newPassword, ctx.now());
    // A new password signs the user out everywhere else; this window stays signed in.
    ctx.sessions.endAllFor(actor.id);
    ctx.startSession(actor.id);
    return { ok: true };
  },
  'users.list': (_input, ctx) => service.listUsers(ctx.db),
  'users.directory': (_input, ctx) => service.directory(ctx.db),
  'users.create': (input, ctx) => service.createUser(ctx.db, actorOf(ctx), input, ctx.now()),
  'users.update': (input, ctx) => {
    const actor = actorOf(ctx);
    const user = service.updateUser(ctx.db, actor, input.id, input.patch, ctx.now());
    if (!user.active) ctx.sessions.endAllFor(user.id);
    return user;
  },
  'users.resetPassword': (input, ctx) => {
    service.setPassword(ctx.db, actorOf(ctx), input.id, input.newPassword, ctx.now(), 'users.resetPassword');
    ctx.sessions.endAllFor(input.id);
    return { ok: true };
  },
};
