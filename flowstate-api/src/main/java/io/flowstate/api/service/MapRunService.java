package io.flowstate.api.service;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.DescribeMapRun;
import io.flowstate.api.model.UpdateMapRun;

/**
 * DescribeMapRun and UpdateMapRun. The engine does not publish its Map Runs to the API yet, so every Map Run ARN
 * is answered as AWS answers an unknown one.
 */
public final class MapRunService {
    public DescribeMapRun.Response describe(DescribeMapRun.Request r) {
        throw notFound(r.mapRunArn());
    }

    public UpdateMapRun.Response update(UpdateMapRun.Request r) {
        if (r.maxConcurrency().isEmpty() && r.toleratedFailureCount().isEmpty() && r.toleratedFailurePercentage().isEmpty()) {
            throw new ApiException.ValidationException(
                    "Must provide at least one of maxConcurrency, toleratedFailurePercentage, toleratedFailureCount");
        }
        throw notFound(r.mapRunArn());
    }

    private static ApiException notFound(String arn) {
        Arn.parse(arn, "mapRun");
        return new ApiException.ResourceNotFound("Resource not found: '" + arn + "'");
    }
}
