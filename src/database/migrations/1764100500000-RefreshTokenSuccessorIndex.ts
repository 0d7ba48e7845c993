import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Every refresh looks up the row whose successor is the token presented (`UPDATE … WHERE "successorId" = $1`, to
 * wipe its sealed copy). Without an index that is a scan of the whole table, which holds every rotated token of
 * every live family: the cost of a refresh grew with the number of sessions.
 */
export class RefreshTokenSuccessorIndex1764100500000 implements MigrationInterface {
  name = 'RefreshTokenSuccessorIndex1764100500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('refresh_tokens', new TableIndex({ name: 'IDX_refresh_tokens_successor', columnNames: ['successorId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('refresh_tokens', 'IDX_refresh_tokens_successor');
  }
}
