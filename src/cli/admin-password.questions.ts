import { Question, QuestionSet } from 'nest-commander';

export const ADMIN_PASSWORD_QUESTIONS = 'admin-password';

export interface AdminPasswordAnswers {
  password: string;
  repeated: string;
}

/** The password typed at a terminal, masked, twice (a typo in a password nobody sees would lock the admin out). */
@QuestionSet({ name: ADMIN_PASSWORD_QUESTIONS })
export class AdminPasswordQuestions {
  @Question({ type: 'password', name: 'password', message: 'Password for the new admin:', mask: '*' })
  parsePassword(value: string): string {
    return value;
  }

  @Question({ type: 'password', name: 'repeated', message: 'The same password again:', mask: '*' })
  parseRepeated(value: string): string {
    return value;
  }
}
