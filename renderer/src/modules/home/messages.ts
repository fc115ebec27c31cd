import { defineMessages, type Translate } from '../../i18n';

const zh = {
  title: '工作台',
  hello: '{name}，您好。今天是 {date}。',
  overdueTitle: '逾期投诉',
  overdueNone: '没有逾期的客户投诉。',
  overdueCount: '{n} 件',
  overdueHandle: '处理逾期',
  overdueRespond: '答复逾期',
  overdueSlip: '投诉单逾期',
  reviewTitle: '管理层评审（重大投诉）',
  reviewNone: '没有待评审的重大投诉。',
  reviewed: '已评审',
  approvalsTitle: '待我审批',
  approvalsNone: '没有等待您审批的申请。',
  approvalsCount: '{n} 项申请等待您审批',
  approvalsOpen: '去审批',
  leaveTitle: '今日请假',
  leaveNone: '今天没有人请假。',
  halfAm: '上午',
  halfPm: '下午',
  allComplaints: '全部投诉',
};

const en: typeof zh = {
  title: 'Home',
  hello: 'Hello {name}. Today is {date}.',
  overdueTitle: 'Overdue complaints',
  overdueNone: 'No complaint is overdue.',
  overdueCount: '{n}',
  overdueHandle: 'Handling overdue',
  overdueRespond: 'Response overdue',
  overdueSlip: 'Slip overdue',
  reviewTitle: 'Management review (major complaints)',
  reviewNone: 'No major complaint awaits review.',
  reviewed: 'Reviewed',
  approvalsTitle: 'Waiting for my approval',
  approvalsNone: 'Nothing waits for your approval.',
  approvalsCount: '{n} requests wait for your approval',
  approvalsOpen: 'Open approvals',
  leaveTitle: 'On leave today',
  leaveNone: 'Nobody is on leave today.',
  halfAm: 'morning',
  halfPm: 'afternoon',
  allComplaints: 'All complaints',
};

export const useHomeMessages = defineMessages({ zh, en });
export type HomeT = Translate<keyof typeof zh>;
