-- The sample shop of the sql_query_debug pack: customers, products, orders and their items, payments and
-- support tickets. Deterministic: the tasks' expected results depend on every row. Money is in cents (integers);
-- times are ISO-8601 text in UTC ('YYYY-MM-DD HH:MM:SS'), dates 'YYYY-MM-DD'.

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,                 -- NULL when the customer gave none
    city TEXT,                  -- NULL when unknown
    country TEXT NOT NULL,      -- ISO 3166 alpha-2
    signup_date TEXT NOT NULL,  -- YYYY-MM-DD
    tier TEXT NOT NULL DEFAULT 'standard' CHECK (tier IN ('standard', 'gold'))
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,     -- Kitchen, Outdoor, Office, Toys
    price_cents INTEGER NOT NULL,
    stock INTEGER NOT NULL,     -- units in the warehouse
    discontinued INTEGER NOT NULL DEFAULT 0 -- 1: no longer sold
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    order_date TEXT NOT NULL,   -- YYYY-MM-DD HH:MM:SS
    status TEXT NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled', 'refunded')),
    shipped_date TEXT,          -- YYYY-MM-DD; NULL until shipped
    coupon_code TEXT            -- NULL when none was used
);

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    quantity INTEGER NOT NULL,
    unit_price_cents INTEGER NOT NULL, -- the price paid per unit (after any coupon)
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    paid_at TEXT NOT NULL,      -- YYYY-MM-DD HH:MM:SS
    amount_cents INTEGER NOT NULL, -- negative for a refund
    method TEXT NOT NULL        -- card, paypal, gift_card
);

CREATE TABLE support_tickets (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    order_id INTEGER REFERENCES orders(id), -- NULL for questions about no particular order
    opened_at TEXT NOT NULL,    -- YYYY-MM-DD HH:MM:SS
    closed_at TEXT,             -- NULL while open
    priority TEXT NOT NULL,     -- low, normal, urgent
    subject TEXT NOT NULL
);

INSERT INTO customers (id, name, email, city, country, signup_date, tier) VALUES
    (1, 'Alice Martin', 'alice.martin@example.com', 'Lyon', 'FR', '2023-01-15', 'gold'),
    (2, 'Bruno Keller', 'bruno.keller@example.com', 'Zurich', 'CH', '2023-02-03', 'standard'),
    (3, 'Chloé Dubois', NULL, 'Lyon', 'FR', '2023-02-20', 'standard'),
    (4, 'Daniel Wright', 'dan.wright@example.com', 'Manchester', 'GB', '2023-03-11', 'gold'),
    (5, 'Elena Rossi', 'elena.rossi@example.com', 'Milan', 'IT', '2023-04-02', 'standard'),
    (6, 'Farid Haddad', 'farid.h@example.com', 'Marseille', 'FR', '2023-05-19', 'standard'),
    (7, 'Greta Novak', NULL, 'Prague', 'CZ', '2023-06-07', 'standard'),
    (8, 'Hannah Schmidt', 'hannah.schmidt@example.com', 'Berlin', 'DE', '2023-06-30', 'gold'),
    (9, 'Ivan Petrov', 'ivan.petrov@example.com', NULL, 'BG', '2023-08-14', 'standard'),
    (10, 'Julia Santos', 'julia.santos@example.com', 'Lisbon', 'PT', '2023-09-01', 'standard'),
    (11, 'Kenji Sato', 'kenji.sato@example.com', 'Berlin', 'DE', '2023-10-22', 'standard'),
    (12, 'Laura Bianchi', NULL, 'Milan', 'IT', '2023-11-05', 'gold'),
    (13, 'Marta López', 'marta.lopez@example.com', 'Madrid', 'ES', '2024-01-09', 'standard'),
    (14, 'Noah Fischer', 'noah.fischer@example.com', 'Zurich', 'CH', '2024-01-28', 'standard'),
    (15, 'Olivia Brown', 'olivia.brown@example.com', 'Manchester', 'GB', '2024-02-14', 'standard'),
    (16, 'Pierre Laurent', 'pierre.laurent@example.com', 'Lyon', 'FR', '2024-03-03', 'gold'),
    (17, 'Quinn Murphy', NULL, 'Dublin', 'IE', '2024-03-30', 'standard'),
    (18, 'Rosa Jiménez', 'rosa.jimenez@example.com', NULL, 'ES', '2024-04-18', 'standard'),
    (19, 'Samuel Okafor', 'samuel.okafor@example.com', 'London', 'GB', '2024-05-06', 'standard'),
    (20, 'Tomás Silva', 'tomas.silva@example.com', 'Lisbon', 'PT', '2024-05-27', 'standard');

INSERT INTO products (id, sku, name, category, price_cents, stock, discontinued) VALUES
    (1, 'KIT-001', 'Chef''s Knife 20cm', 'Kitchen', 4990, 35, 0),
    (2, 'KIT-002', 'Cast Iron Skillet', 'Kitchen', 3900, 0, 0),
    (3, 'KIT-003', 'Pour-Over Coffee Set', 'Kitchen', 2750, 18, 0),
    (4, 'KIT-004', 'Bamboo Cutting Board', 'Kitchen', 1590, 60, 0),
    (5, 'OUT-001', 'Trail Backpack 30L', 'Outdoor', 8900, 12, 0),
    (6, 'OUT-002', 'Insulated Bottle 750ml', 'Outdoor', 2400, 0, 0),
    (7, 'OUT-003', 'Camping Lantern', 'Outdoor', 3450, 22, 0),
    (8, 'OUT-004', 'Rain Jacket', 'Outdoor', 11900, 7, 0),
    (9, 'OFF-001', 'LED Desk Lamp', 'Office', 4500, 15, 0),
    (10, 'OFF-002', 'Notebook A5 (3-pack)', 'Office', 1200, 140, 0),
    (11, 'OFF-003', 'Ergonomic Mouse', 'Office', 3990, 0, 1),
    (12, 'OFF-004', 'Monitor Stand', 'Office', 5600, 9, 0),
    (13, 'TOY-001', 'Wooden Puzzle', 'Toys', 1890, 25, 0),
    (14, 'TOY-002', 'Delta Kite', 'Toys', 2200, 5, 1),
    (15, 'TOY-003', 'Building Blocks 500pc', 'Toys', 4200, 11, 0),
    (16, 'KIT-005', 'Espresso Cups (set of 4)', 'Kitchen', 2600, 0, 0);

INSERT INTO orders (id, customer_id, order_date, status, shipped_date, coupon_code) VALUES
    (1, 1, '2023-11-03 09:14:00', 'delivered', '2023-11-04', NULL),
    (2, 2, '2023-11-12 17:40:00', 'delivered', '2023-11-14', NULL),
    (3, 4, '2023-11-25 11:05:00', 'delivered', '2023-11-27', 'BLACKFRIDAY'),
    (4, 3, '2023-12-02 20:31:00', 'delivered', '2023-12-05', NULL),
    (5, 5, '2023-12-10 08:22:00', 'cancelled', NULL, NULL),
    (6, 8, '2023-12-15 13:47:00', 'delivered', '2023-12-16', NULL),
    (7, 1, '2023-12-20 19:02:00', 'delivered', '2023-12-21', 'XMAS10'),
    (8, 6, '2024-01-05 10:10:00', 'delivered', '2024-01-09', NULL),
    (9, 10, '2024-01-14 15:33:00', 'refunded', '2024-01-15', NULL),
    (10, 11, '2024-01-22 09:48:00', 'delivered', '2024-01-23', NULL),
    (11, 4, '2024-02-01 12:00:00', 'delivered', '2024-02-06', NULL),
    (12, 12, '2024-02-09 18:25:00', 'delivered', '2024-02-10', NULL),
    (13, 2, '2024-02-17 07:55:00', 'delivered', '2024-02-19', NULL),
    (14, 13, '2024-02-29 21:14:00', 'delivered', '2024-03-01', NULL),
    (15, 8, '2024-03-03 10:30:00', 'delivered', '2024-03-04', NULL),
    (16, 5, '2024-03-08 16:05:00', 'delivered', '2024-03-12', 'SPRING15'),
    (17, 14, '2024-03-15 11:11:00', 'cancelled', NULL, NULL),
    (18, 1, '2024-03-21 14:45:00', 'delivered', '2024-03-22', NULL),
    (19, 15, '2024-03-28 09:00:00', 'delivered', '2024-03-29', NULL),
    (20, 16, '2024-03-31 18:42:00', 'delivered', '2024-04-02', NULL),
    (21, 9, '2024-04-01 00:15:00', 'delivered', '2024-04-03', NULL),
    (22, 3, '2024-04-06 13:20:00', 'refunded', '2024-04-08', NULL),
    (23, 6, '2024-04-13 17:58:00', 'delivered', '2024-04-19', NULL),
    (24, 11, '2024-04-19 08:40:00', 'delivered', '2024-04-20', NULL),
    (25, 13, '2024-04-27 19:26:00', 'delivered', '2024-04-29', NULL),
    (26, 10, '2024-05-02 10:05:00', 'delivered', '2024-05-07', NULL),
    (27, 18, '2024-05-09 12:12:00', 'delivered', '2024-05-10', NULL),
    (28, 4, '2024-05-15 16:50:00', 'delivered', '2024-05-16', NULL),
    (29, 12, '2024-05-20 09:35:00', 'shipped', '2024-05-28', NULL),
    (30, 16, '2024-05-24 14:03:00', 'delivered', '2024-05-25', NULL),
    (31, 2, '2024-05-30 20:44:00', 'cancelled', NULL, NULL),
    (32, 8, '2024-06-02 11:27:00', 'shipped', '2024-06-04', NULL),
    (33, 15, '2024-06-05 15:15:00', 'shipped', '2024-06-06', 'SUMMER5'),
    (34, 1, '2024-06-08 10:01:00', 'pending', NULL, NULL),
    (35, 5, '2024-06-09 18:18:00', 'pending', NULL, NULL),
    (36, 14, '2024-06-10 08:08:00', 'pending', NULL, NULL),
    (37, 9, '2024-06-11 13:13:00', 'cancelled', NULL, NULL),
    (38, 16, '2024-06-12 17:30:00', 'pending', NULL, NULL),
    (39, 13, '2024-06-13 09:45:00', 'pending', NULL, NULL),
    (40, 6, '2024-06-14 21:05:00', 'pending', NULL, NULL);

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES
    (1, 1, 1, 4990),
    (1, 4, 2, 1590),
    (2, 5, 1, 8900),
    (3, 8, 1, 9520),
    (3, 6, 2, 1920),
    (4, 3, 1, 2750),
    (4, 10, 2, 1200),
    (5, 12, 1, 5600),
    (6, 9, 1, 4500),
    (6, 10, 1, 1200),
    (6, 11, 1, 3990),
    (7, 15, 1, 3780),
    (7, 13, 2, 1701),
    (8, 2, 1, 3900),
    (9, 7, 2, 3450),
    (10, 11, 1, 3990),
    (10, 12, 1, 5600),
    (11, 1, 1, 4990),
    (11, 3, 1, 2750),
    (12, 5, 1, 8900),
    (12, 6, 1, 2400),
    (12, 7, 1, 3450),
    (13, 10, 5, 1200),
    (14, 4, 1, 1590),
    (14, 13, 1, 1890),
    (15, 8, 1, 11900),
    (16, 3, 2, 2338),
    (17, 9, 1, 4500),
    (18, 2, 1, 3900),
    (18, 4, 1, 1590),
    (19, 6, 3, 2400),
    (20, 1, 1, 4990),
    (20, 8, 1, 11900),
    (21, 10, 3, 1200),
    (22, 12, 1, 5600),
    (23, 5, 1, 8900),
    (23, 7, 1, 3450),
    (24, 15, 2, 4200),
    (25, 9, 1, 4500),
    (25, 10, 2, 1200),
    (26, 1, 1, 4990),
    (27, 13, 1, 1890),
    (27, 15, 1, 4200),
    (28, 3, 1, 2750),
    (28, 4, 1, 1590),
    (29, 8, 1, 11900),
    (29, 6, 1, 2400),
    (30, 12, 1, 5600),
    (30, 9, 1, 4500),
    (31, 7, 1, 3450),
    (32, 5, 1, 8900),
    (32, 1, 1, 4990),
    (33, 10, 4, 1140),
    (34, 6, 2, 2400),
    (35, 13, 2, 1890),
    (36, 2, 1, 3900),
    (36, 3, 1, 2750),
    (37, 11, 1, 3990),
    (38, 15, 1, 4200),
    (39, 4, 3, 1590),
    (40, 9, 1, 4500);

INSERT INTO payments (id, order_id, paid_at, amount_cents, method) VALUES
    (1, 1, '2023-11-03 09:16:00', 8170, 'card'),
    (2, 2, '2023-11-12 17:42:00', 8900, 'paypal'),
    (3, 3, '2023-11-25 11:07:00', 13360, 'card'),
    (4, 4, '2023-12-02 20:33:00', 5150, 'card'),
    (5, 6, '2023-12-15 13:49:00', 9690, 'paypal'),
    (6, 7, '2023-12-20 19:04:00', 2500, 'gift_card'),
    (7, 7, '2023-12-20 19:05:00', 4682, 'card'),
    (8, 8, '2024-01-05 10:12:00', 3900, 'card'),
    (9, 9, '2024-01-14 15:35:00', 6900, 'card'),
    (10, 9, '2024-01-20 15:33:00', -6900, 'card'),
    (11, 10, '2024-01-22 09:50:00', 9590, 'card'),
    (12, 11, '2024-02-01 12:02:00', 7740, 'card'),
    (13, 12, '2024-02-09 18:27:00', 5000, 'gift_card'),
    (14, 12, '2024-02-09 18:28:00', 9750, 'paypal'),
    (15, 13, '2024-02-17 07:57:00', 6000, 'paypal'),
    (16, 14, '2024-02-29 21:16:00', 3480, 'card'),
    (17, 15, '2024-03-03 10:32:00', 11900, 'card'),
    (18, 16, '2024-03-08 16:07:00', 4676, 'paypal'),
    (19, 18, '2024-03-21 14:47:00', 5490, 'card'),
    (20, 19, '2024-03-28 09:02:00', 7200, 'card'),
    (21, 20, '2024-03-31 18:44:00', 16890, 'card'),
    (22, 21, '2024-04-01 00:17:00', 3600, 'paypal'),
    (23, 22, '2024-04-06 13:22:00', 5600, 'card'),
    (24, 22, '2024-04-12 13:20:00', -5600, 'card'),
    (25, 23, '2024-04-13 18:00:00', 12350, 'card'),
    (26, 24, '2024-04-19 08:42:00', 8400, 'card'),
    (27, 25, '2024-04-27 19:28:00', 6900, 'paypal'),
    (28, 26, '2024-05-02 10:07:00', 4990, 'card'),
    (29, 27, '2024-05-09 12:14:00', 6090, 'gift_card'),
    (30, 28, '2024-05-15 16:52:00', 4340, 'card'),
    (31, 29, '2024-05-20 09:37:00', 14300, 'paypal'),
    (32, 30, '2024-05-24 14:05:00', 10100, 'card'),
    (33, 31, '2024-05-30 20:46:00', 3450, 'paypal'),
    (34, 31, '2024-05-31 20:44:00', -3450, 'paypal'),
    (35, 32, '2024-06-02 11:29:00', 13890, 'card'),
    (36, 33, '2024-06-05 15:17:00', 4560, 'card'),
    (37, 34, '2024-06-08 10:03:00', 4800, 'card'),
    (38, 36, '2024-06-10 08:10:00', 3000, 'card');

INSERT INTO support_tickets (id, customer_id, order_id, opened_at, closed_at, priority, subject) VALUES
    (1, 4, 3, '2023-11-29 10:00:00', '2023-11-30 16:20:00', 'normal', 'Jacket arrived in the wrong size'),
    (2, 10, 9, '2024-01-16 09:30:00', '2024-01-20 11:00:00', 'urgent', 'Refund request: lanterns broken on arrival'),
    (3, 1, NULL, '2024-01-18 14:00:00', '2024-01-18 15:10:00', 'low', 'How do I change my delivery address?'),
    (4, 6, 8, '2024-01-12 08:45:00', '2024-01-13 10:00:00', 'normal', 'Skillet delivered late'),
    (5, 3, 22, '2024-04-09 19:20:00', '2024-04-15 09:00:00', 'urgent', 'REFUND not received for the monitor stand'),
    (6, 12, NULL, '2024-02-11 12:00:00', NULL, 'low', 'Question about gold membership'),
    (7, 13, 14, '2024-03-02 11:11:00', '2024-03-02 17:45:00', 'low', 'Invoice needed for my order'),
    (8, 9, 21, '2024-04-05 16:30:00', NULL, 'normal', 'Package marked delivered but not received'),
    (9, 5, 16, '2024-03-13 10:05:00', '2024-03-14 09:30:00', 'normal', 'Coupon SPRING15 applied twice?'),
    (10, 6, 23, '2024-04-17 13:00:00', '2024-04-20 10:00:00', 'urgent', 'Where is my order? No tracking update'),
    (11, 8, 32, '2024-06-05 09:00:00', NULL, 'normal', 'Backpack strap torn'),
    (12, 17, NULL, '2024-05-02 18:00:00', NULL, 'low', 'Can I order without an account?'),
    (13, 2, 31, '2024-06-01 08:30:00', '2024-06-03 12:00:00', 'normal', 'Please confirm my refund for the cancelled order'),
    (14, 15, 19, '2024-04-02 14:20:00', '2024-04-04 10:15:00', 'low', 'Bottle lid leaks'),
    (15, 1, 34, '2024-06-09 07:50:00', NULL, 'urgent', 'Order still pending after payment');
