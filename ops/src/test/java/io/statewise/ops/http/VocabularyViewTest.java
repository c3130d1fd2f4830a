package io.statewise.ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.actors.service.TrainedModel;
import io.statewise.algorithms.text.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A vocabulary model in the API's JSON: terms with their document frequencies, in id order, and the error bound. */
class VocabularyViewTest {

    @Test
    void aVocabularyIsWrittenAsTermsWithDocumentFrequencies() {
        Vocabulary vocabulary = new Vocabulary(List.of("cat", "dog"), new long[] {5, 3}, 1, 9);
        JsonNode json = JsonSupport.mapper().valueToTree(ModelDto.from(new TrainedModel("v-1", "vocabulary", 9,
                Map.of(), vocabulary)));
        JsonNode model = json.get("model");
        assertEquals(2, model.get("size").asInt());
        assertEquals(9, model.get("documents").asLong());
        assertEquals(1, model.get("max_error").asLong());
        assertEquals("cat", model.get("terms").get(0).get("term").asText());
        assertEquals(5, model.get("terms").get(0).get("document_frequency").asLong());
        assertEquals("dog", model.get("terms").get(1).get("term").asText());
        assertEquals(4, model.size(), model.toString());
    }
}
