package org.codedesk;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL the application sends, as text, for tests that count what a request costs: {@code @Import(StatementLog.Config.class)}
 * wraps the application's DataSource so that every statement prepared or executed on any thread is recorded.
 */
public final class StatementLog {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public void clear() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The recorded statements that read or write {@code table} (a whole word of the SQL). */
    public List<String> touching(String table) {
        return statements.stream().filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*")).toList();
    }

    @TestConfiguration
    public static class Config {

        @Bean
        StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor recordingDataSource(org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? log.getObject().wrap(dataSource) : bean;
                }
            };
        }
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c ? proxy(Connection.class, c, this::onConnection) : result);
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")) && args != null && args[0] instanceof String sql) {
            statements.add(sql);
        }
        if (result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)) {
            return proxy(Statement.class, statement, (m, a, r) -> {
                if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
                    statements.add(sql);
                }
                return r;
            });
        }
        return result;
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
