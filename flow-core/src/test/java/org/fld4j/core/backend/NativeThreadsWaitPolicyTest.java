package org.fld4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.helpers.SubstituteLogger;

class NativeThreadsWaitPolicyTest {

    @Test
    void passiveNeedsNoAdviceAnythingElseDoes() {
        assertThat(NativeThreads.waitPolicyAdvice("PASSIVE")).isEmpty();
        assertThat(NativeThreads.waitPolicyAdvice(" passive ")).isEmpty();
        assertThat(NativeThreads.waitPolicyAdvice(null)).get().asString()
                .contains("OMP_WAIT_POLICY is unset").contains("OMP_WAIT_POLICY=PASSIVE java");
        assertThat(NativeThreads.waitPolicyAdvice("ACTIVE")).get().asString().contains("'ACTIVE'");
    }

    @Test
    void withoutAnSlf4jBindingTheAdviceGoesToStderr() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stderr = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Logger unused = new SubstituteLogger("unused", null, true);
        NativeThreads.warn("advice", unused, new NOPLoggerFactory(), stderr);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("advice" + System.lineSeparator());
    }

    @Test
    void withABindingItIsAWarningThroughSlf4j() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stderr = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> warnings = new ArrayList<>();
        Logger recording = (Logger) java.lang.reflect.Proxy.newProxyInstance(Logger.class.getClassLoader(),
                new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                    if (method.getName().equals("warn") && args.length == 1) {
                        warnings.add((String) args[0]);
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        NativeThreads.warn("advice", recording, name -> recording, stderr);
        assertThat(warnings).containsExactly("advice");
        assertThat(bytes.size()).isZero();
    }
}
