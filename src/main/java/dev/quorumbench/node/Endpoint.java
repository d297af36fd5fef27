package dev.quorumbench.node;

import com.sun.net.httpserver.HttpExchange;

/** One method on one path of the node's API. */
interface Endpoint {
    JsonResponse handle(HttpExchange exchange) throws Exception;
}
