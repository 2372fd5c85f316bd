import { describe, expect, it } from 'vitest';
import { passwordErrorView } from './password-errors.js';

describe('passwordErrorView', () => {
  it('lists the policy problems under the message’s lead-in', () => {
    const problems = ['密码长度至少8位', '密码须包含大写字母、小写字母、数字、特殊字符中的至少3类'];
    expect(passwordErrorView({ message: `新密码不符合要求：${problems.join('；')}`, details: { field: 'newPassword', problems } })).toEqual({
      title: '新密码不符合要求',
      problems,
      field: 'newPassword',
    });
  });

  it('keeps the whole message when its tail is not just the list', () => {
    const view = passwordErrorView({ message: '新密码不符合要求（见下）', details: { problems: ['密码不能包含用户名'] } });
    expect(view).toEqual({ title: '新密码不符合要求（见下）', problems: ['密码不能包含用户名'], field: null });
  });

  it('passes other refusals through with their field', () => {
    expect(passwordErrorView({ message: '当前密码不正确', details: { field: 'currentPassword' } })).toEqual({ title: '当前密码不正确', problems: [], field: 'currentPassword' });
    expect(passwordErrorView({ message: '新密码不能与最近5次使用过的密码相同', details: { field: 'newPassword' } }).field).toBe('newPassword');
    expect(passwordErrorView({ message: '无法连接服务器' })).toEqual({ title: '无法连接服务器', problems: [], field: null });
  });

  it('ignores malformed details', () => {
    expect(passwordErrorView({ message: 'x：y', details: { problems: [1, '', null] } })).toEqual({ title: 'x：y', problems: [], field: null });
    expect(passwordErrorView({ message: 'x', details: 'oops' })).toEqual({ title: 'x', problems: [], field: null });
  });
});
