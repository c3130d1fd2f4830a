package io.statewise.ops.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.statewise.algorithms.deepar.DeepArModel;
import io.statewise.algorithms.ntm.NtmModel;
import io.statewise.algorithms.text.Vocabulary;
import java.util.stream.Collectors;

/**
 * The JSON conventions of the API, shared by the server and the CLI: snake_case property names (map keys such as
 * hyperparameter and metric names are kept as they are), ISO-8601 instants, {@code Optional} support, unknown request
 * fields rejected. Models are written property by property, except those with a view ({@link VocabularyView},
 * {@link NtmView}, {@link DeepArView}). The mapper is thread-safe once built.
 */
public final class JsonSupport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("statewise-models")
                    .addSerializer(Vocabulary.class, new StdDelegatingSerializer(new VocabularyView.Converter()))
                    .addSerializer(NtmModel.class, new StdDelegatingSerializer(new NtmView.Converter()))
                    .addSerializer(DeepArModel.class, new StdDelegatingSerializer(new DeepArView.Converter())))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonSupport() {}

    /** The API's mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a request body into {@code type}.
     *
     * @throws InvalidRequestException if the body is not JSON or does not fit {@code type}; the message names the line
     *                                 and column, the field is the JSON path of the offending value when known
     */
    public static <T> T read(String body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /** A readable client error from a Jackson failure: what, then where. */
    static InvalidRequestException invalid(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        String what = e instanceof UnrecognizedPropertyException u
                ? "unknown field '" + u.getPropertyName() + "'"
                : e.getOriginalMessage();
        return new InvalidRequestException(field, "invalid JSON body: " + what + where(e.getLocation()));
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return "";
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) return null;
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
