package org.charterledger.query.config;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A view's writes are held in the batch's unit of work and sent, in the order written, when it commits. */
class ViewJdbcTest {

    private final SingleConnectionDataSource database = new SingleConnectionDataSource(
            "jdbc:h2:mem:view-jdbc-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true);
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final ViewJdbc views = new ViewJdbc(jdbc, new JdbcTemplate(database));

    ViewJdbcTest() {
        jdbc.sql("CREATE TABLE vote (motion VARCHAR(20), member VARCHAR(20), choice VARCHAR(10),"
                + " PRIMARY KEY (motion, member))").update();
    }

    @AfterEach
    void close() {
        database.destroy();
    }

    @Test
    void writesWaitForTheBatchToCommitAndKeepTheirOrder() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        vote("KR-ULSAN", "YES");
        vote("KR-BUSAN", "NO");
        views.sql("UPDATE vote SET choice = :choice WHERE member = :member")
                .param("choice", "ABSTAIN").param("member", "KR-ULSAN").update();
        vote("JP-TOTTORI", "YES");

        assertThat(count()).isZero();
        batch.commit();

        assertThat(choices()).containsExactly("JP-TOTTORI YES", "KR-BUSAN NO", "KR-ULSAN ABSTAIN"); // the update came after the insert
    }

    @Test
    void aReadInTheBatchSeesWhatTheBatchWroteBeforeIt() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        vote("KR-ULSAN", "YES");

        assertThat(views.sql("SELECT choice FROM vote WHERE member = ?").params("KR-ULSAN").query(String.class)
                .single()).isEqualTo("YES");
        batch.commit();
    }

    @Test
    void aFailedHandlerCallLeavesNoneOfItsWrites() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        vote("KR-ULSAN", "YES");
        int mark = ViewJdbc.pendingMark();
        vote("KR-BUSAN", "NO");
        vote("JP-TOTTORI", "NO");
        ViewJdbc.discardPendingFrom(mark);
        vote("CN-HENAN", "YES");
        batch.commit();

        assertThat(choices()).containsExactly("CN-HENAN YES", "KR-ULSAN YES");
    }

    @Test
    void aBatchRolledBackWritesNothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        vote("KR-ULSAN", "YES");
        batch.rollback();

        assertThat(count()).isZero();
    }

    @Test
    void outsideAUnitOfWorkAStatementIsSentAtOnce() {
        vote("KR-ULSAN", "YES");

        assertThat(count()).isEqualTo(1);
    }

    private void vote(String member, String choice) {
        views.sql("INSERT INTO vote (motion, member, choice) VALUES (?, ?, ?)").params("GA13-M2", member, choice)
                .update();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM vote").query(Long.class).single();
    }

    private List<String> choices() {
        return jdbc.sql("SELECT member || ' ' || choice FROM vote ORDER BY member").query(String.class).list();
    }
}
