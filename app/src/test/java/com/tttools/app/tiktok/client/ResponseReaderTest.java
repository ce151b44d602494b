package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strings from TikTok are sanitised where the answer is read: no NUL, no unpaired surrogate, no malformed UTF-8. */
class ResponseReaderTest {

    final ResponseReader reader = new ResponseReader(JsonMapper.builder().build());

    @Test
    void nulCharactersAreRemovedAndUnpairedSurrogatesReplacedInEveryString() {
        String body = """
                {"code":0,"message":"OK\\u0000","request_id":"r1","data":{"list":[
                  {"campaign_id":"1","campaign_name":"Spring\\u0000 sale \\ud800 end \\udc00","nested":{"x":["a\\u0000b"]}},
                  {"campaign_id":"2","campaign_name":"Pair \\ud83d\\ude00 kept"}]}}""";

        ResponseReader.Result result = reader.read(new RawResponse(200, "application/json",
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.failure()).isNull();
        JsonNode list = result.envelope().data().path("list");
        assertThat(list.get(0).path("campaign_name").asString()).isEqualTo("Spring sale \uFFFD end \uFFFD");
        assertThat(list.get(0).path("nested").path("x").get(0).asString()).isEqualTo("ab");
        assertThat(list.get(1).path("campaign_name").asString()).isEqualTo("Pair \uD83D\uDE00 kept");
        assertThat(result.envelope().message()).isEqualTo("OK");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersInsteadOfFailingTheAnswer() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"code\":0,\"message\":\"OK\",\"data\":{\"name\":\"bad ".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3);   // a lead byte without its continuation
        body.writeBytes(" \u00e9\"}}".getBytes(StandardCharsets.UTF_8));

        ResponseReader.Result result = reader.read(new RawResponse(200, "application/json", body.toByteArray()));

        assertThat(result.failure()).isNull();
        assertThat(result.envelope().data().path("name").asString()).isEqualTo("bad \uFFFD \u00e9");
    }
}
