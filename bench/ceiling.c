/*
 * ceiling: the libevent ceiling for InvoiceSandbox's benchmark.
 *
 * The same shape as the sandbox's transport (Sources/SandboxHTTP): N threads, each with its own event_base
 * and evhttp, each bound through evconnlistener_new_bind with LEV_OPT_REUSEABLE_PORT + evhttp_bind_listener,
 * the same evhttp settings, and one generic callback. The callback does no routing, no parsing and no JSON:
 * it answers every request with the same fixed body, so whatever the sandbox spends beyond this is its own.
 *
 *   ceiling PORT THREADS BODY_FILE      (PORT 0 picks a free one; the first stdout line names it)
 *
 * SIGINT and SIGTERM stop it (the default action: nothing to flush).
 */
#include <sys/types.h>
#include <sys/time.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>
#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/listener.h>
#include <event2/thread.h>

static char *body;
static size_t body_length;

struct loop {
    struct event_base *base;
    struct evhttp *http;
    pthread_t thread;
};

static void answer(struct evhttp_request *request, void *unused) {
    (void)unused;
    struct evbuffer *output = evbuffer_new();
    /* Reference, not copy: the body lives as long as the process. */
    evbuffer_add_reference(output, body, body_length, NULL, NULL);
    evhttp_add_header(evhttp_request_get_output_headers(request), "Content-Type", "application/json; charset=utf-8");
    evhttp_send_reply(request, 200, "OK", output);
    evbuffer_free(output);
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

static int bind_loop(struct loop *loop, int port) {
    loop->base = event_base_new();
    loop->http = loop->base ? evhttp_new(loop->base) : NULL;
    if (!loop->http) die("event_base_new/evhttp_new");
    /* As the sandbox: every method, a JSON default type, body and header limits, lingering close. */
    evhttp_set_allowed_methods(loop->http, EVHTTP_REQ_GET | EVHTTP_REQ_POST | EVHTTP_REQ_HEAD | EVHTTP_REQ_PUT |
                                               EVHTTP_REQ_DELETE | EVHTTP_REQ_OPTIONS | EVHTTP_REQ_TRACE |
                                               EVHTTP_REQ_CONNECT | EVHTTP_REQ_PATCH);
    evhttp_set_default_content_type(loop->http, "application/json; charset=utf-8");
    evhttp_set_max_body_size(loop->http, 1 << 20);
    evhttp_set_max_headers_size(loop->http, 64 << 10);
    evhttp_set_flags(loop->http, EVHTTP_SERVER_LINGERING_CLOSE);
    evhttp_set_gencb(loop->http, answer, NULL);

    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((unsigned short)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    unsigned flags = LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC | LEV_OPT_REUSEABLE | LEV_OPT_REUSEABLE_PORT;
    struct evconnlistener *listener =
        evconnlistener_new_bind(loop->base, NULL, NULL, flags, 1024, (struct sockaddr *)&address, sizeof address);
    if (!listener) die("evconnlistener_new_bind");
    if (!evhttp_bind_listener(loop->http, listener)) die("evhttp_bind_listener");

    struct sockaddr_in bound;
    socklen_t length = sizeof bound;
    if (getsockname(evconnlistener_get_fd(listener), (struct sockaddr *)&bound, &length) != 0) die("getsockname");
    return ntohs(bound.sin_port);
}

static void *run_loop(void *argument) {
    struct loop *loop = argument;
    event_base_dispatch(loop->base);
    return NULL;
}

static void read_body(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) die(path);
    if (fseek(file, 0, SEEK_END) != 0) die("fseek");
    long size = ftell(file);
    if (size < 0) die("ftell");
    rewind(file);
    body = malloc((size_t)size + 1);
    if (!body || fread(body, 1, (size_t)size, file) != (size_t)size) die("read body");
    body_length = (size_t)size;
    fclose(file);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s PORT THREADS BODY_FILE\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    int threads = atoi(argv[2]);
    if (threads < 1 || threads > 256) {
        fprintf(stderr, "THREADS must be between 1 and 256\n");
        return 2;
    }
    read_body(argv[3]);
    signal(SIGPIPE, SIG_IGN);
    if (evthread_use_pthreads() != 0) die("evthread_use_pthreads");

    struct loop *loops = calloc((size_t)threads, sizeof *loops);
    if (!loops) die("calloc");
    for (int i = 0; i < threads; i++) port = bind_loop(&loops[i], port);

    printf("ceiling listening on http://127.0.0.1:%d (%d threads, libevent %s, %zu-byte body)\n", port, threads,
           event_get_version(), body_length);
    fflush(stdout);

    for (int i = 1; i < threads; i++)
        if (pthread_create(&loops[i].thread, NULL, run_loop, &loops[i]) != 0) die("pthread_create");
    run_loop(&loops[0]);
    return 0;
}
