#!/usr/bin/env python3
"""The composer's default network trained from PyTorch's Python front end, for comparison with
bench_composer --steps (the same loop in C++ through LibTorch). Both use the same LibTorch build
(Debian's python3-torch 1.13 and libtorch-dev 1.13), random tokens, and the trainer's settings:
embedding 128, 3x256 LSTM (dropout 0.3), dropout, linear to 308 events; batch 32 x chunk 128,
hidden state carried between chunks (truncated BPTT), Adam 2e-3, gradient clipping at 1.

    /usr/bin/python3 bench/python/lstm_steps.py [--threads N] [--seconds S]   (Debian: apt install python3-torch)

Prints tokens/s by wall clock and per CPU second, and a RESULT line."""
import argparse
import time

import torch


class Net(torch.nn.Module):
    def __init__(self, vocab=308, embedding=128, hidden=256, layers=3, dropout=0.3):
        super().__init__()
        self.embed = torch.nn.Embedding(vocab + 1, embedding)
        self.lstm = torch.nn.LSTM(embedding, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.dropout = torch.nn.Dropout(dropout)
        self.output = torch.nn.Linear(hidden, vocab)

    def forward(self, tokens, state):
        y, state = self.lstm(self.embed(tokens), state)
        return self.output(self.dropout(y)), state


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=20)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    vocab, batch, chunk = 308, 32, 128
    net = Net(vocab)
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    rows = torch.randint(0, vocab, (batch, 64 * chunk + 1))
    state = None
    tokens = 0
    step = 0
    wall0 = cpu0 = None
    while True:
        if step == 3:  # after warm-up
            wall0, cpu0, tokens = time.perf_counter(), time.process_time(), 0
        t0 = (step % 64) * chunk
        if state is not None:
            state = (state[0].detach(), state[1].detach())
        logits, state = net(rows[:, t0:t0 + chunk], state)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, vocab), rows[:, t0 + 1:t0 + chunk + 1].reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        loss.item()
        tokens += batch * chunk
        step += 1
        if wall0 is not None and time.perf_counter() - wall0 >= args.seconds:
            break
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    print(f"python {torch.__version__}, {args.threads} thread(s): {tokens / wall:.0f} tokens/s wall, "
          f"{tokens / cpu:.0f} tokens per CPU second ({step - 3} steps)")
    print(f"RESULT composer.steps.python.threads{args.threads}.tokens_per_s {tokens / wall:.6g} tokens/s")
    print(f"RESULT composer.steps.python.threads{args.threads}.tokens_per_cpu_s {tokens / cpu:.6g} tokens/s")


if __name__ == "__main__":
    main()
