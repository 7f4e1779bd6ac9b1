package org.codedesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;
import java.util.UUID;

import javax.sql.DataSource;

import org.codedesk.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Metering reads "now" from the application's clock (a period ends when the clock says so), and the instants it stores
 * are instants: written while the JVM is in New York at the hour its clocks fall back, read back as the same instant by
 * a connection in Kolkata (PostgreSQL and H2 session time zone and JVM default alike).
 */
@SpringBootTest(properties = "codedesk.metering.enabled=true")
class MeteringClockTest {

    /** 01:30 in New York on the night its clocks go back from 02:00 EDT to 01:00 EST: the second 01:30 (EST). */
    static final Instant FALL_BACK = Instant.parse("2025-11-02T06:30:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(FALL_BACK);
        }
    }

    @Autowired CodePageViews views;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    private static Viewer freeMember() {
        return Viewer.account(Math.abs(UUID.randomUUID().getMostSignificantBits()), "FREE");
    }

    @Test
    void aPeriodEndsWhenTheApplicationsClockSaysSo() {
        clock.set(Instant.parse("2026-01-10T09:00:00Z"));
        Viewer member = freeMember();
        for (int i = 0; i < 6; i++) {
            assertThat(views.view(member, "icd10cm:PERIOD" + i).granted()).isTrue();
        }
        assertThat(views.view(member, "icd10cm:PERIOD6").granted()).isFalse();

        clock.advance(Duration.ofDays(29));
        assertThat(views.view(member, "icd10cm:PERIOD7").granted()).isFalse();
        assertThat(views.remaining(member)).isZero();

        clock.advance(Duration.ofDays(2)); // past the 30-day period
        assertThat(views.view(member, "icd10cm:PERIOD7").granted()).isTrue();
        assertThat(views.remaining(member)).isEqualTo(5);
    }

    @Test
    void storedInstantsDoNotMoveWithTheTimeZone() throws Exception {
        clock.set(FALL_BACK);
        Viewer member = freeMember();
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertThat(views.view(member, "icd10cm:ZONE").granted()).isTrue();

            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            HikariDataSource pool = (HikariDataSource) dataSource;
            try (Connection kolkata = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
                try (Statement zone = kolkata.createStatement()) {
                    zone.execute("set time zone 'Asia/Kolkata'");
                }
                assertThat(instant(kolkata, "select period_start from metering_counter where viewer_key = ?", member.keys().get(0)))
                        .isEqualTo(FALL_BACK);
                assertThat(instant(kolkata, "select viewed_at from metering_view where viewer_key = ?", member.keys().get(0)))
                        .isEqualTo(FALL_BACK);
            }
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(jdbc.queryForObject("select period_start from metering_counter where viewer_key = ?", java.sql.Timestamp.class,
                member.keys().get(0)).toInstant()).isEqualTo(FALL_BACK);
    }

    private static Instant instant(Connection connection, String sql, String key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}
