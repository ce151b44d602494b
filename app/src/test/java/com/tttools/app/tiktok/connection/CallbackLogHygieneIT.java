package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.DebugLogging;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With DEBUG logging for our code, Spring MVC and Spring Security, a whole connect flow (the consent page of the
 * embedded simulator, our callback, the code exchange) and a callback with a made-up code leave neither the OAuth
 * {@code auth_code} nor the {@code state} in the log (docs/security.md, Secrets in logs).
 */
@ExtendWith(OutputCaptureExtension.class)
class CallbackLogHygieneIT extends ConnectionTestSupport {

    @RegisterExtension
    final DebugLogging debug = new DebugLogging(DebugLogging.REQUEST_HANDLING);

    @Test
    void theCallbacksCodeAndStateAreNotLogged(CapturedOutput output) {
        Admin admin = admin("callback-log");
        URI authorization = start(admin);
        String state = query(authorization).get("state");
        URI back = consentAutoApproved(authorization);
        String code = query(back).get("auth_code");
        ApiClient.Response landed = callback(admin.api(), back);
        assertThat(landed.status()).as(landed.body()).isEqualTo(302);
        String madeUpCode = "madeUpAuthorizationCode" + System.nanoTime();
        admin.api().get(ConnectFlow.CALLBACK_PATH + "?code=" + madeUpCode + "&state=" + state);

        String log = output.getAll();
        assertThat(log).as("the callback was logged at DEBUG").contains(ConnectFlow.CALLBACK_PATH);
        assertThat(code).isNotBlank();
        assertThat(log).doesNotContain(state).doesNotContain(code).doesNotContain(madeUpCode);
    }
}
